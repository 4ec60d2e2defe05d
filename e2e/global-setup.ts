import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTenant } from '@sesame/tenant';
import { startDemoApi } from '../apps/demo-api/src/index.js';
import { buildDemo } from './support/buildDemo.js';
import { buildPage } from './support/buildPage.js';
import { freePort } from './support/freePort.js';
import {
  auth0ReactPort,
  auth0SdkOrigins,
  auth0SpaJsPort,
  corePagePort,
  demoApiPort,
  pageOrigins,
  reactDemoPort,
  tenantPort,
  vueDemoPort,
} from './support/ports.js';
import { type StaticServer, serveStatic } from './support/serveStatic.js';
import { mfaUser, REUSE_INTERVAL_CLIENT_ID } from './support/tenant.js';

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
    {
      // The demo application again, with a rotation reuse interval (Auth0's "reuse interval",
      // Okta's grace period): the fault suite's lost-answer case on a server that has one.
      client_id: REUSE_INTERVAL_CLIENT_ID,
      name: 'Sesame SPA (reuse interval)',
      app_type: 'spa' as const,
      token_endpoint_auth_method: 'none' as const,
      grant_types: ['authorization_code', 'refresh_token'],
      callbacks: pageUrls,
      allowed_logout_urls: pageUrls,
      web_origins: pageOrigins,
      refresh_token: { rotation_type: 'rotating' as const, leeway: 30 },
    },
    {
      client_id: 'auth0-sdk-fixture',
      name: 'Auth0 SDK fixture',
      app_type: 'spa' as const,
      token_endpoint_auth_method: 'none' as const,
      grant_types: ['authorization_code', 'refresh_token'],
      callbacks: auth0SdkOrigins.map((origin) => `${origin}/`),
      allowed_logout_urls: auth0SdkOrigins.map((origin) => `${origin}/`),
      web_origins: auth0SdkOrigins,
    },
  ];
  // Auth0's X-RateLimit-* headers stay on, with a limit no run of the specs comes near.
  const config = {
    ttl: { accessToken: 3600 },
    connections,
    clients,
    rate_limits: { token_per_minute: 6000 },
  };
  const tenant = await startTenant({ port: tenantPort, config });
  // The production shape: the same tenant setup on another site (localhost vs the pages'
  // 127.0.0.1), for the specs of the `cross-site` project (see support/shape.ts).
  const crossSitePort = await freePort();
  const crossSite = await startTenant({
    port: crossSitePort,
    issuer: `http://localhost:${crossSitePort}/`,
    config,
  });
  process.env.CROSS_SITE_TENANT_URL = crossSite.url;
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
  // The fixture apps on the official Auth0 SDKs (not demos: they show the tenant stands in for Auth0).
  for (const [sdk, port, env] of [
    ['spa-js', auth0SpaJsPort, 'AUTH0_SPA_JS_URL'],
    ['react', auth0ReactPort, 'AUTH0_REACT_URL'],
  ] as const) {
    const out = join(pages, `auth0-${sdk}`);
    await buildPage(
      join(here, 'auth0-sdk-app'),
      out,
      tenant.url,
      sdk === 'react' ? 'react.tsx' : 'spa-js.ts',
    );
    const app = await serveStatic(out, port);
    process.env[env] = `${app.url}/`;
    demos.push(app);
  }
  return async () => {
    await Promise.all(demos.map((demo) => demo.close()));
    await api.stop();
    await page.close();
    await tenant.stop();
    await crossSite.stop();
  };
}
