// Bundles every library's adapter page the same way (esbuild, minified ESM) into .out/adapters/.
// Run on its own with `pnpm --filter @sesame/bench run build:adapters`; the benchmark runs it first.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type Library, libraries } from './libraries.js';
import { attempt, type Outcome } from './outcome.js';
import { bundleOptions } from './size/bundle.js';

const srcDir = fileURLToPath(new URL('.', import.meta.url));
/** Where the adapter bundles are written: `<outDir>/<library id>.js`. */
export const adaptersOutDir = fileURLToPath(new URL('../.out/adapters/', import.meta.url));

/**
 * Bundles the adapter page of each library: its adapter module plus the shared harness.
 * @returns per library id, the bundle's path or the build error
 */
export async function buildAdapters(selected: Library[] = libraries): Promise<Map<string, Outcome<string>>> {
  await mkdir(adaptersOutDir, { recursive: true });
  const built = new Map<string, Outcome<string>>();
  for (const library of selected) {
    built.set(library.id, await attempt(() => buildAdapter(library)));
  }
  return built;
}

async function buildAdapter(library: Library): Promise<string> {
  const { file, exportName } = library.adapter;
  const outfile = `${adaptersOutDir}${library.id}.js`;
  await build({
    ...bundleOptions,
    stdin: {
      contents: [
        `import { ${exportName} } from './adapters/${file.replace(/\.ts$/, '.js')}';`,
        `import { installHarness } from './page/installHarness.js';`,
        `installHarness(${exportName});`,
      ].join('\n'),
      resolveDir: srcDir,
      sourcefile: `${library.id}-entry.ts`,
      loader: 'ts',
    },
    outfile,
    write: true,
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [id, outcome] of await buildAdapters()) {
    console.log(`${id}: ${outcome.ok ? outcome.value : `error: ${outcome.error}`}`);
  }
}
