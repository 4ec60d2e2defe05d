import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTenant } from '@sesame/tenant';
import { buildPage } from './support/buildPage.js';
import { corePagePort, tenantPort } from './support/ports.js';
import { serveStatic } from './support/serveStatic.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Starts the real tenant and the core test page on 127.0.0.1 before the specs run,
 * and stops both after them (the function it returns is Playwright's teardown).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const tenant = await startTenant({ port: tenantPort, config: { ttl: { accessToken: 3600 } } });
  const out = join(here, '..', 'test-results', '.pages', 'core');
  await buildPage(join(here, 'core-page'), out, tenant.url);
  const page = await serveStatic(out, corePagePort);
  process.env.TENANT_URL = tenant.url;
  process.env.CORE_PAGE_URL = `${page.url}/`;
  return async () => {
    await page.close();
    await tenant.stop();
  };
}
