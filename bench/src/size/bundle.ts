import { type BuildOptions, build } from 'esbuild';

/** What every bundle of the benchmark is built with, so that the libraries are weighed alike. */
export const bundleOptions: BuildOptions = {
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  // `source` lets the Sesame packages be bundled from their TypeScript sources, without a build.
  conditions: ['source'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'silent',
};

/**
 * Bundles one entry file with {@link bundleOptions} and returns the minified code.
 * @param entry - absolute path of the entry module
 * @param external - packages left out of the bundle (React and ReactDOM for the binding apps)
 * @throws the esbuild error when the entry does not build
 */
export async function bundle(entry: string, external: string[] = []): Promise<Uint8Array> {
  const result = await build({ ...bundleOptions, entryPoints: [entry], external, write: false });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.contents;
}
