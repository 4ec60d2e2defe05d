#!/usr/bin/env node
// Byte budgets of the packages, as an app would ship them: each entry is bundled with esbuild
// (ESM, browser, minified, tree-shaken, code splitting on, as an app's bundler does) and measured
// raw, gzip and brotli. What counts against the limit is what the app loads at start: the entry
// chunk and the chunks it imports statically. Chunks reached only through a dynamic `import()`
// (the popup, the silent iframe, OIDC discovery) are loaded when used, and listed apart.
// Fails (exit 1) when an entry's start-up gzip size is above its limit.
//
// Each start-up file is compressed on its own, as a server sends it, and the sizes are added: a
// lazy chunk that shares code with the entry makes esbuild (and Vite) move that code into a chunk
// of its own, which then compresses without the entry's context — a cost this figure shows.
//
// Budgets live beside each package in packages/<name>/size/budgets.json, an array of
//   { "name": "...", "entry": "file relative to that size/ folder", "gzipLimit": bytes,
//     "gzipAim"?: bytes, "external"?: ["react", ...] }
// so that a package adds its entries without touching this script.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');
const outdir = join(root, 'node_modules', '.cache', 'size');
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

const entries = readdirSync(packagesDir).flatMap((pkg) => {
  const file = join(packagesDir, pkg, 'size', 'budgets.json');
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).map((entry) => ({
    ...entry,
    file: join(dirname(file), entry.entry),
  }));
});
if (entries.length === 0) {
  console.error('size: no packages/*/size/budgets.json found');
  process.exit(1);
}

/** Sizes of some output files, each compressed on its own, added up. */
function measure(files) {
  return files.reduce(
    (sum, { contents }) => ({
      minified: sum.minified + contents.length,
      gzip: sum.gzip + gzipSync(contents, { level: 9 }).length,
      brotli:
        sum.brotli +
        brotliCompressSync(contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }),
    { minified: 0, gzip: 0, brotli: 0 },
  );
}

/** The output files an entry loads at start (itself and its static imports, transitively) and the others. */
function split(result) {
  const { outputs } = result.metafile;
  const entryPath = Object.keys(outputs).find((path) => outputs[path].entryPoint);
  const atStart = new Set();
  const visit = (path) => {
    if (atStart.has(path)) return;
    atStart.add(path);
    for (const { path: imported, kind } of outputs[path].imports) {
      if (kind === 'import-statement' && outputs[imported]) visit(imported);
    }
  };
  visit(entryPath);
  const files = result.outputFiles
    .filter((file) => file.path.endsWith('.js'))
    .map((file) => ({ ...file, path: relative(root, file.path) }));
  return {
    start: files.filter((file) => atStart.has(file.path)),
    lazy: files.filter((file) => !atStart.has(file.path)),
  };
}

let failed = false;
for (const entry of entries) {
  const result = await build({
    entryPoints: [entry.file],
    bundle: true,
    write: false,
    splitting: true,
    outdir,
    metafile: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    external: entry.external ?? [],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'error',
  });
  const { start, lazy } = split(result);
  const size = measure(start);
  const over = size.gzip > entry.gzipLimit;
  failed ||= over;
  const aim = entry.gzipAim
    ? `, aim ${kb(entry.gzipAim)}${size.gzip > entry.gzipAim ? ' (above aim)' : ''}`
    : '';
  console.log(
    `${over ? 'FAIL' : 'ok  '} ${entry.name}\n     at start (${start.length} file${start.length === 1 ? '' : 's'}): ` +
      `minified ${kb(size.minified)}, gzip ${kb(size.gzip)}, brotli ${kb(size.brotli)}` +
      ` — limit ${kb(entry.gzipLimit)} gzip${aim}`,
  );
  for (const file of lazy) {
    const chunk = measure([file]);
    const name = /\/([^/]+?)-[A-Z0-9]{8}\.js$/.exec(file.path)?.[1] ?? file.path;
    console.log(`     loaded when used: ${name}, minified ${kb(chunk.minified)}, gzip ${kb(chunk.gzip)}`);
  }
}
process.exit(failed ? 1 : 0);
