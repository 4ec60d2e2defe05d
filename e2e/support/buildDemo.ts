import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const apps = fileURLToPath(new URL('../../apps/', import.meta.url));
const pageOptionsModule = fileURLToPath(new URL('./pageOptions.ts', import.meta.url));

/**
 * Merges `pageOptions()` (`window.__pageOptions` set with `page.addInitScript`, see `openDemo`, or
 * a URL fragment, see `support/pageOptions.ts`) into the demos'
 * client options, so that a spec can turn refresh tokens off or change the leeway while the
 * demos' own code, which developers copy, has no test switch.
 */
const pageOptions: Plugin = {
  name: 'sesame-e2e-page-options',
  transform(code, id) {
    if (!id.endsWith('/demo-shared/src/config.ts')) return;
    // Lines appended at the end: the lines before them keep their places (map: null).
    const merge = `import { pageOptions } from ${JSON.stringify(pageOptionsModule)};\nObject.assign(sesameOptions, pageOptions());\n`;
    return { code: `${code}\n${merge}`, map: null };
  },
};

/**
 * Builds a demo app (`apps/<app>`) with `vite build` into `outDir`, pointed at the test tenant
 * and demo API through the same `VITE_*` variables a developer would set.
 */
export async function buildDemo(app: string, outDir: string, urls: { tenant: string; api: string }) {
  process.env.VITE_SESAME_DOMAIN = urls.tenant.replace(/\/$/, '');
  process.env.VITE_API_URL = urls.api;
  await build({
    root: join(apps, app),
    logLevel: 'warn',
    plugins: [pageOptions],
    build: { outDir, emptyOutDir: true, sourcemap: true },
  });
}
