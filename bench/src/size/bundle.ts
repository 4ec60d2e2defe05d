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

/** The output of one entry: the files an app loads at start and those it loads only when used. */
export interface BundledApp {
  /** The entry chunk and every chunk it imports statically, transitively. */
  start: Uint8Array[];
  /** Chunks reached only through a dynamic `import()` (Sesame's popup, silent iframe, OIDC discovery). */
  lazy: Uint8Array[];
}

/**
 * Bundles one entry file with {@link bundleOptions} and code splitting, as an app's bundler does,
 * and sorts the output into what loads at start and what loads when used. A library without a
 * dynamic `import()` gives one start file, exactly its one-file bundle.
 * @param entry - absolute path of the entry module
 * @param external - packages left out of the bundle (React and ReactDOM for the binding apps)
 * @throws the esbuild error when the entry does not build
 */
export async function bundle(entry: string, external: string[] = []): Promise<BundledApp> {
  const result = await build({
    ...bundleOptions,
    entryPoints: [entry],
    external,
    write: false,
    splitting: true,
    outdir: 'out',
    metafile: true,
  });
  const outputs = result.metafile?.outputs ?? {};
  const atStart = new Set<string>();
  const visit = (path: string) => {
    if (atStart.has(path)) return;
    atStart.add(path);
    for (const { path: imported, kind } of outputs[path]?.imports ?? []) {
      if (kind === 'import-statement' && outputs[imported]) visit(imported);
    }
  };
  const entryPath = Object.keys(outputs).find((path) => outputs[path]?.entryPoint);
  if (!entryPath) throw new Error(`esbuild produced no output for ${entry}`);
  visit(entryPath);
  const files = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  const relative = (path: string) => path.slice(path.lastIndexOf('/out/') + 1);
  return {
    start: files.filter((file) => atStart.has(relative(file.path))).map((file) => file.contents),
    lazy: files.filter((file) => !atStart.has(relative(file.path))).map((file) => file.contents),
  };
}
