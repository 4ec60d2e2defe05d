import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a test page (`<dir>/<entry>`, default `main.ts`, + `<dir>/index.html`) into `outDir`
 * as `main.js`, from the workspace packages' TypeScript sources, with the tenant's URL compiled in.
 * React and Vue pages build as their production bundles (`process.env.NODE_ENV`, Vue's feature flags).
 */
export async function buildPage(
  dir: string,
  outDir: string,
  tenantUrl: string,
  entry = 'main.ts',
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(dir, entry)],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    jsx: 'automatic',
    conditions: ['source'],
    define: {
      __TENANT_URL__: JSON.stringify(tenantUrl.replace(/\/$/, '')),
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'warning',
  });
  await copyFile(join(dir, 'index.html'), join(outDir, 'index.html'));
}
