#!/usr/bin/env node
// `pnpm check:packages`: packs each published package as `pnpm publish` would (publishConfig
// applied, `workspace:` ranges replaced) and checks the tarballs, not the folders:
// no `source` export condition (it points at .ts files), every export of package.json still
// there, README and LICENSE in, then `publint --strict` and `@arethetypeswrong/cli`
// (ESM-only profile: the packages ship no CommonJS). Needs `pnpm build` first.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Names on the command line check only those (e.g. `node scripts/check-packages.mjs vue`).
const packages = process.argv.length > 2 ? process.argv.slice(2) : ['core', 'react', 'vue', 'tenant'];
const exec = promisify(execFile);

/** Runs a command; resolves with its output, or with the failure and its output. */
async function run(cmd, args, cwd = root) {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}${error.message}` };
  }
}

/** The places in an `exports` value that still name a condition `source`. */
function sourceConditions(value, at = 'exports') {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'source' ? [at] : sourceConditions(inner, `${at}["${key}"]`),
  );
}

async function check(name, destination) {
  const dir = join(root, 'packages', name);
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const pack = await run('pnpm', ['pack', '--pack-destination', destination], dir);
  if (!pack.ok) return [`pnpm pack failed:\n${pack.output}`];
  const tarball = join(
    destination,
    `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`,
  );
  const listing = (await run('tar', ['-tzf', tarball])).output.split('\n');
  const packed = JSON.parse((await run('tar', ['-xzf', tarball, '-O', 'package/package.json'])).output);

  const problems = [];
  for (const file of ['package/README.md', 'package/LICENSE']) {
    if (!listing.includes(file)) problems.push(`${file.slice(8)} is not in the tarball`);
  }
  for (const field of ['repository', 'homepage', 'bugs', 'license']) {
    if (!packed[field]) problems.push(`no "${field}"`);
  }
  for (const where of sourceConditions(packed.exports)) {
    problems.push(`${where} has the "source" condition: add the export to publishConfig.exports without it`);
  }
  for (const key of Object.keys(manifest.exports ?? {})) {
    if (!(key in (packed.exports ?? {}))) {
      problems.push(`exports["${key}"] is missing from the tarball: add it to publishConfig.exports`);
    }
  }
  for (const [dep, range] of Object.entries(packed.dependencies ?? {})) {
    if (String(range).startsWith('workspace:')) problems.push(`dependency ${dep} is still ${range}`);
  }
  const [publint, attw] = await Promise.all([
    run('pnpm', ['exec', 'publint', 'run', tarball, '--strict']),
    run('pnpm', [
      'exec',
      'attw',
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      '--no-emoji',
    ]),
  ]);
  if (!publint.ok) problems.push(`publint --strict:\n${publint.output}`);
  if (!attw.ok) problems.push(`attw:\n${attw.output}`);
  return problems;
}

const destination = await mkdtemp(join(tmpdir(), 'sesame-pack-'));
try {
  const results = await Promise.all(packages.map((name) => check(name, destination)));
  let failed = false;
  for (const [i, problems] of results.entries()) {
    const name = `@sesame/${packages[i]}`;
    if (problems.length === 0) {
      console.log(`[packages] ${name}: tarball OK (publint --strict, attw)`);
      continue;
    }
    failed = true;
    console.error(`[packages] ${name}:\n  ${problems.join('\n  ')}`);
  }
  if (failed) process.exitCode = 1;
} finally {
  await rm(destination, { recursive: true, force: true });
}
