#!/usr/bin/env node
// Byte budgets of the packages, as an app would ship them: each entry is bundled with esbuild
// (ESM, browser, minified, tree-shaken) and measured raw, gzip and brotli. Fails (exit 1) when
// an entry's gzip size is above its limit.
//
// Budgets live beside each package in packages/<name>/size/budgets.json, an array of
//   { "name": "...", "entry": "file relative to that size/ folder", "gzipLimit": bytes, "gzipAim"?: bytes }
// so that a package adds its entries without touching this script.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');
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

let failed = false;
for (const entry of entries) {
  const result = await build({
    entryPoints: [entry.file],
    bundle: true,
    write: false,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    legalComments: 'none',
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const over = gzip > entry.gzipLimit;
  failed ||= over;
  const aim = entry.gzipAim ? `, aim ${kb(entry.gzipAim)}${gzip > entry.gzipAim ? ' (above aim)' : ''}` : '';
  console.log(
    `${over ? 'FAIL' : 'ok  '} ${entry.name}\n     minified ${kb(code.length)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}` +
      ` — limit ${kb(entry.gzipLimit)} gzip${aim}`,
  );
}
process.exit(failed ? 1 : 0);
