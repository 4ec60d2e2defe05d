import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTenant } from '@sesame/tenant';
import { startDemoApi } from '../apps/demo-api/src/index.js';
import { buildDemo } from './support/buildDemo.js';
import { buildPage } from './support/buildPage.js';
import {
  corePagePort,
  demoApiPort,
  pageOrigins,
  reactDemoPort,
  tenantPort,
  vueDemoPort,
} from './support/ports.js';

import { type StaticServer, serveStatic } from './support/serveStatic.js';
import { mfaUser } from './support/tenant.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const pages = join(here, '..', 'test-results', '.pages');

/**
 * Starts the real tenant, the core test page, the demo API and both demo apps (built with
 * `vite build`) on 127.0.0.1 before the specs run, and stops them after them (the function it
 * returns is Playwright's teardown).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const connections = [
    {
      name: 'Username-Password-Authentication',
      users: ['react', 'vue'].map((demo) => ({ ...mfaUser(demo), mfa_policy: 'always' as const })),
    },
  ];
  // The seed allows 5173-5175; the same applications are told the pages' origins in case
  // SESAME_E2E_PORT_BASE moved them (the tenant joins URL lists of a seeded client_id).
  const pageUrls = pageOrigins.flatMap((origin) => [origin, `${origin}/`, `${origin}/callback`]);
  const clients = [
    { client_id: 'sesame-spa', callbacks: pageUrls, allowed_logout_urls: pageUrls, web_origins: pageOrigins },
    { client_id: 'sesame-device', web_origins: pageOrigins },
  ];
  const tenant = await startTenant({
    port: tenantPort,
    // Auth0's X-RateLimit-* headers stay on, with a limit no run of the specs comes near.
    config: { ttl: { accessToken: 3600 }, connections, clients, rate_limits: { token_per_minute: 6000 } },
  });
  const out = join(pages, 'core');
  await buildPage(join(here, 'core-page'), out, tenant.url);
  const page = await serveStatic(out, corePagePort);
  process.env.TENANT_URL = tenant.url;
  process.env.CORE_PAGE_URL = `${page.url}/`;

  const api = await startDemoApi({ tenantUrl: tenant.url, port: demoApiPort, origins: pageOrigins });
  const demos: StaticServer[] = [];
  for (const [app, port, env] of [
    ['react-demo', reactDemoPort, 'REACT_DEMO_URL'],
    ['vue-demo', vueDemoPort, 'VUE_DEMO_URL'],
  ] as const) {
    await buildDemo(app, join(pages, app), { tenant: tenant.url, api: api.url });
    const demo = await serveStatic(join(pages, app), port);
    process.env[env] = `${demo.url}/`;
    demos.push(demo);
  }
  return async () => {
    await Promise.all(demos.map((demo) => demo.close()));
    await api.stop();
    await page.close();
    await tenant.stop();
  };
}
