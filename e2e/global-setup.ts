import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import { startTenant } from '@sesame/tenant';
import { startDemoApi } from '../apps/demo-api/src/index.js';
import { buildDemo } from './support/buildDemo.js';
import { buildPage } from './support/buildPage.js';
import { copyBuild } from './support/copyBuild.js';
import { freePort } from './support/freePort.js';
import { demoApiPort, slotAuth0SdkOrigins, slotPageOrigins, slotPorts, tenantPort } from './support/ports.js';
import { serveStatic } from './support/serveStatic.js';
import { publishSlots, type SlotEnv } from './support/slotEnv.js';
import { MFA_ATTEMPTS, mfaUser, REUSE_INTERVAL_CLIENT_ID } from './support/tenant.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const pages = join(here, '..', 'test-results', '.pages');

/**
 * Starts, before the specs run, one slot of servers per Playwright worker (`config.workers`), so
 * that workers running at once never share a tenant: each slot has the real tenant, the same
 * tenant on another site, the core test page, the demo API, both demo apps (built with
 * `vite build`) and the Auth0 SDK fixture apps, on 127.0.0.1 (pages on the slot's ports, see
 * `support/ports.ts`). A worker reads its slot's URLs from its environment (`support/slotEnv.ts`).
 * The function it returns is Playwright's teardown: it stops them all.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  // Slot 0 builds the demos; the other slots copy its builds pointed at their own servers.
  const first = await startSlot(0);
  const others = await Promise.allSettled(
    Array.from({ length: config.workers - 1 }, (_, i) => startSlot(i + 1, first)),
  );
  const slots = [first, ...others.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))];
  const stopAll = async () => {
    await Promise.all(slots.map((slot) => slot.stop()));
  };
  const failed = others.find((o) => o.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  publishSlots(slots.map((slot) => slot.env));
  return stopAll;
}

interface Slot {
  env: SlotEnv;
  /** Where the slot's demo `app` was built. */
  demoDir(app: string): string;
  /** The demo API the slot's demos call. */
  apiUrl: string;
  stop(): Promise<void>;
}

/** Starts slot `slot`'s servers; with `template`, its demos are copies of the template's builds. */
async function startSlot(slot: number, template?: Slot): Promise<Slot> {
  const ports = slotPorts(slot);
  const pageOrigins = slotPageOrigins(slot);
  const auth0SdkOrigins = slotAuth0SdkOrigins(slot);
  const out = (name: string) => join(pages, `slot-${slot}`, name);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    await Promise.all(stops.map((s) => s()));
  };
  try {
    const connections = [
      {
        name: 'Username-Password-Authentication',
        users: ['react', 'vue'].flatMap((demo) =>
          Array.from({ length: MFA_ATTEMPTS }, (_, attempt) => ({
            ...mfaUser(demo, attempt),
            mfa_policy: 'always' as const,
          })),
        ),
      },
    ];
    // The seed allows 5173-5175; the same applications are told the slot's pages' origins
    // (the tenant joins URL lists of a seeded client_id).
    const pageUrls = pageOrigins.flatMap((origin) => [origin, `${origin}/`, `${origin}/callback`]);
    const clients = [
      {
        client_id: 'sesame-spa',
        callbacks: pageUrls,
        allowed_logout_urls: pageUrls,
        web_origins: pageOrigins,
      },
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
    const tenantConfig = {
      ttl: { accessToken: 3600 },
      // Devices poll every second, not every 5 s (the default): the device-code specs wait less.
      device_flow: { interval: 1 },
      connections,
      clients,
      // Auth0's X-RateLimit-* headers stay on, with a limit no run of the specs comes near.
      rate_limits: { token_per_minute: 6000 },
    };
    const tenant = await startTenant({ port: tenantPort, config: tenantConfig });
    stops.push(() => tenant.stop());
    // The production shape: the same tenant setup on another site (localhost vs the pages'
    // 127.0.0.1), for the specs of the `cross-site` project (see support/shape.ts).
    const crossSitePort = await freePort();
    const crossSite = await startTenant({
      port: crossSitePort,
      issuer: `http://localhost:${crossSitePort}/`,
      config: tenantConfig,
    });
    stops.push(() => crossSite.stop());
    await buildPage(join(here, 'core-page'), out('core'), tenant.url);
    const page = await serveStatic(out('core'), ports.corePage);
    stops.push(() => page.close());

    const api = await startDemoApi({ tenantUrl: tenant.url, port: demoApiPort, origins: pageOrigins });
    stops.push(() => api.stop());
    const urls: Partial<SlotEnv> = {
      TENANT_URL: tenant.url,
      CROSS_SITE_TENANT_URL: crossSite.url,
      CORE_PAGE_URL: `${page.url}/`,
    };
    const serve = async (dir: string, port: number, env: keyof SlotEnv) => {
      const server = await serveStatic(dir, port);
      stops.push(() => server.close());
      urls[env] = `${server.url}/`;
    };
    for (const [app, port, env] of [
      ['react-demo', ports.reactDemo, 'REACT_DEMO_URL'],
      ['vue-demo', ports.vueDemo, 'VUE_DEMO_URL'],
    ] as const) {
      if (template) {
        await copyBuild(template.demoDir(app), out(app), [
          [template.env.TENANT_URL, tenant.url],
          [template.apiUrl, api.url],
        ]);
      } else {
        await buildDemo(app, out(app), { tenant: tenant.url, api: api.url });
      }
      await serve(out(app), port, env);
    }
    // The fixture apps on the official Auth0 SDKs (not demos: they show the tenant stands in for Auth0).
    for (const [sdk, port, env] of [
      ['spa-js', ports.auth0SpaJs, 'AUTH0_SPA_JS_URL'],
      ['react', ports.auth0React, 'AUTH0_REACT_URL'],
    ] as const) {
      const dir = out(`auth0-${sdk}`);
      await buildPage(
        join(here, 'auth0-sdk-app'),
        dir,
        tenant.url,
        sdk === 'react' ? 'react.tsx' : 'spa-js.ts',
      );
      await serve(dir, port, env);
    }
    return { env: urls as SlotEnv, demoDir: out, apiUrl: api.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
