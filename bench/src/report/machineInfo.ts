import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import type { BenchResults } from './BenchResults.js';

/** The machine the run happened on, as the report states it. */
export function machineInfo(chromium: string): BenchResults['machine'] {
  const [cpu] = cpus();
  return {
    os: `${osName()} (${type()} ${release()})`,
    cpu: cpu?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    chromium,
  };
}

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text)?.[1] ?? type();
  } catch {
    return type();
  }
}

/** Installed versions of `packages`, read from the bench package's `node_modules`. */
export function installedVersions(packages: string[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of packages) {
    try {
      const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
      versions[name] = (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}
