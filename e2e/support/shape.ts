import { test as base } from '@playwright/test';
import type { AuthClientOptions } from '@sesame/core';
import { type FaultSpec, type TestTenant, tenantAt } from './tenant.js';

/**
 * Where the authorization server stands relative to the app:
 * - `same-site`: the tenant at `http://127.0.0.1:P` beside pages on `http://127.0.0.1:Q`, so the
 *   `prompt=none` iframe carries the tenant's session cookie;
 * - `cross-site`: the tenant at `http://localhost:P` (another site) and a Chromium that blocks
 *   third-party cookies — how most users' browsers reach an authorization server in production, so
 *   the iframe cannot help.
 */
export type Shape = 'same-site' | 'cross-site';

/** What a spec gets from {@link test}. */
export interface ShapeFixtures {
  /** The shape this run of the spec is in (set per Playwright project). */
  shape: Shape;
  /** The tenant of this shape: its URL, counters, reset and faults. */
  tenant: TestTenant;
  /** Client options that point a page at this shape's tenant (pass them to `openCorePage`/`openDemo`). */
  shapeOptions: Pick<AuthClientOptions, 'domain'>;
}

/**
 * Playwright's `test` with the {@link ShapeFixtures}. A spec title tagged `@production` runs in
 * both shapes (the `chromium` and `cross-site` projects of `playwright.config.ts`); the others run
 * same-site only. Each test starts with the shape's tenant reset (counters, sessions, grants,
 * faults).
 *
 * @example
 * test('a 503 during a refresh keeps the session @production', async ({ page, tenant, shapeOptions }) => {
 *   await openCorePage(page, shapeOptions);
 *   await tenant.fault({ route: 'POST /oauth/token', count: 1, status: 503 });
 * });
 */
export const test = base.extend<ShapeFixtures>({
  shape: ['same-site', { option: true }],
  tenant: async ({ shape }, use) => {
    const url = shape === 'cross-site' ? process.env.CROSS_SITE_TENANT_URL : process.env.TENANT_URL;
    if (!url) throw new Error(`no ${shape} tenant: run the specs through e2e/playwright.config.ts`);
    const tenant = tenantAt(url);
    await tenant.reset();
    await use(tenant);
  },
  shapeOptions: async ({ tenant }, use) => {
    await use({ domain: tenant.url.replace(/\/$/, '') });
  },
});

export { expect } from '@playwright/test';
export type { FaultSpec, TestTenant };
