#!/usr/bin/env node
// `pnpm typecheck` (with the Vue demo's `vue-tsc`): every TypeScript project of the repository,
// each `tsconfig*.json` but the shared base and the build configurations (their files are a
// project's own), checked with TypeScript 7, the native compiler: about a tenth of the CPU time
// of TypeScript 5's `tsc` for the same checks. The build, TypeDoc, vue-tsc and the package checks
// keep TypeScript 5, whose JavaScript API they use. A tsconfig beside a package.json with a
// `typecheck` script of its own is left to that script (the Vue demo: TypeScript cannot
// read `.vue` files). Names on the command line check only the projects whose path contains them
// (e.g. `node tools/typecheck/typecheck.mjs packages/core`).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript-7/package.json')), 'bin/tsc');
const skippedFolders = new Set(['node_modules', 'dist', 'test-results', 'playwright-report']);
const notProjects = new Set(['tsconfig.base.json', 'tsconfig.build.json']);

/** True when the folder's package.json has a `typecheck` script: it checks its projects itself. */
function checksItself(folder) {
  const manifest = join(folder, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.typecheck !== undefined;
}

/** The `tsconfig*.json` files under `folder` that this script checks. */
function findProjects(folder, found = []) {
  const entries = readdirSync(folder, { withFileTypes: true });
  const leftToItself = folder !== root && checksItself(folder);
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name))
        findProjects(join(folder, entry.name), found);
    } else if (/^tsconfig.*\.json$/.test(entry.name) && !notProjects.has(entry.name) && !leftToItself) {
      found.push(relative(root, join(folder, entry.name)));
    }
  }
  return found;
}

/** Runs TypeScript 7 on one project; resolves with its output and whether it passed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ project, ok: false, output: error.message }));
    child.on('close', (code) => resolve({ project, ok: code === 0, output }));
  });
}

const wanted = process.argv.slice(2);
const projects = findProjects(root)
  .filter((project) => wanted.length === 0 || wanted.some((name) => project.includes(name)))
  .sort();
if (projects.length === 0) {
  console.error(`[typecheck] no TypeScript project matches ${wanted.join(', ')}`);
  process.exit(1);
}
// The compiler is multi-threaded: two at a time keep a small machine busy without thrashing.
const queue = [...projects];
const results = [];
const worker = async () => {
  for (let project = queue.shift(); project; project = queue.shift()) results.push(await check(project));
};
await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker));
for (const { project, ok, output } of results.sort((a, b) => a.project.localeCompare(b.project))) {
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${project}`);
  if (!ok || output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`[typecheck] ${projects.length - failed} of ${projects.length} projects passed (TypeScript 7)`);
process.exitCode = failed ? 1 : 0;
