import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** What a fixture did in a Node process of its own. */
export interface NodeRun {
  /** The exit code; `null` when the process was killed. */
  code: number | null;
  stdout: string;
  /** Everything written to stderr: warnings (`console.warn`, Node's), errors. */
  stderr: string;
  /**
   * What kept the event loop alive once the fixture was done (`process.getActiveResourcesInfo()`,
   * the process's own stdio left out): a BroadcastChannel shows as `MessagePort`, a timer as `Timeout`.
   */
  openHandles: string[] | undefined;
}

/** Where a fixture reports the handles still open when its work is done. */
const HANDLES = 'open handles:';

/**
 * Runs `fixtures/<name>` in a fresh Node process, as a server renders a page: no `window`, no
 * DOM. A TypeScript fixture is bundled with the workspace packages' sources (the `source`
 * export condition, like the unit tests), so no build is needed; a `.mjs` fixture is run as it
 * is, with the packages' builds. The process must end by itself; it is killed after
 * `killAfterMs` only so that a hang fails the test instead of stalling the run.
 */
export async function runInNode(name: string, killAfterMs = 15_000): Promise<NodeRun> {
  const file = join(here, 'fixtures', name);
  const program = name.endsWith('.mjs')
    ? `await import(${JSON.stringify(pathToFileURL(file).href)});`
    : await bundle(file);
  // The lines after the program share its top-level scope: their names must not clash with the bundle's.
  const code = `${program}
await new Promise((resolve) => setImmediate(resolve));
const __sesameOpenHandles = globalThis.process.getActiveResourcesInfo().filter((type) => type !== 'PipeWrap' && type !== 'TTYWrap');
console.log(${JSON.stringify(HANDLES)}, JSON.stringify(__sesameOpenHandles));
`;
  // The program goes in on stdin (too long for an argument); stdin is closed once it is read.
  const child = spawn(process.execPath, ['--input-type=module'], {
    cwd: here,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  child.stdin.end(code);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(kill);
  const line = stdout.split('\n').find((l) => l.startsWith(HANDLES));
  return {
    code: exitCode,
    stdout: stdout.replace(/^open handles:.*\n?/m, ''),
    stderr,
    openHandles: line ? (JSON.parse(line.slice(HANDLES.length)) as string[]) : undefined,
  };
}

/** The fixture and the workspace packages' sources in one ES module, other packages imported. */
async function bundle(file: string): Promise<string> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    jsx: 'automatic',
    conditions: ['source'],
    plugins: [dependenciesAsImports],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Bundles the workspace's own packages and leaves every other package an import of the file
 * it resolves to, so Node loads react, vue... as an app's server would: one copy each.
 */
const dependenciesAsImports: Plugin = {
  name: 'dependencies-as-imports',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@sesame/') || args.pluginData === 'inner') return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'inner',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      // Node's built-ins (`node:fs`, `fs`) stay as they are.
      if (resolved.external) return { path: args.path, external: true };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};
