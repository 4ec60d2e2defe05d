import { expect, type Page, test } from '@playwright/test';
import type { TenantStats } from '@sesame/tenant';
import { type CorePageOptions, loginWithRedirect, openCorePage, status } from '../support/corePage.js';
import { resetTenant, tenantStats } from '../support/tenant.js';

// What a redirect login costs at the tenant, in both server modes (issue #14): every request the
// tenant counts, CORS preflights included, from a first visit to a token in hand.

/** The tenant's own login pages: the same for every client library. */
const loginPages = {
  'GET /authorize': 1,
  'GET /login/:uid': 1,
  'POST /login/:uid': 1,
  'GET /authorize/:uid': 1,
};

/** Requests per route since `before` (preflights as `OPTIONS`), and their total. */
function sent(after: TenantStats, before?: TenantStats) {
  const routes: Record<string, number> = {};
  for (const [route, count] of Object.entries(after.endpoints)) {
    const n = count - (before?.endpoints[route] ?? 0);
    if (n) routes[route] = n;
  }
  const preflights = after.preflightRequests - (before?.preflightRequests ?? 0);
  if (preflights) routes.OPTIONS = preflights;
  return { routes, total: Object.values(routes).reduce((sum, n) => sum + n, 0) };
}

async function getToken(page: Page, button: 'Get token' | 'Refresh now', log: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('#log')).toContainText(log);
}

const modes: [string, () => CorePageOptions, Record<string, number>][] = [
  ['Auth0 mode (domain)', () => ({}), {}],
  // One discovery for the login page; the callback page uses the document the login page stored.
  [
    'OIDC mode (issuer)',
    () => ({ issuer: process.env.TENANT_URL }),
    { 'GET /.well-known/openid-configuration': 1 },
  ],
];

for (const [mode, options, discovery] of modes) {
  test(`${mode}: a redirect login costs the login pages, one token request, the JWKS${
    Object.keys(discovery).length ? ' and one discovery' : ''
  }`, async ({ page }) => {
    await resetTenant();
    await openCorePage(page, options());
    await expect(status(page)).toHaveText('unauthenticated');
    await loginWithRedirect(page);
    await getToken(page, 'Get token', 'token ok');
    const { routes, total } = sent(await tenantStats());
    test
      .info()
      .annotations.push({ type: 'tenant requests', description: `${total} ${JSON.stringify(routes)}` });
    expect(routes).toEqual({
      ...loginPages,
      ...discovery,
      'POST /oauth/token': 1,
      'GET /.well-known/jwks.json': 1,
    });
  });
}

test('OIDC mode: a later page load refreshes with the stored discovery document and JWKS, no second fetch', async ({
  page,
}) => {
  await resetTenant();
  await openCorePage(page, { issuer: process.env.TENANT_URL });
  await loginWithRedirect(page);
  // Resetting the tenant would drop the grant: the counters are compared instead.
  const before = await tenantStats();
  await page.reload();
  await expect(status(page)).toHaveText('authenticated');
  await getToken(page, 'Refresh now', 'token refreshed');
  const { routes } = sent(await tenantStats(), before);
  // Both public documents came from the storage: the refresh is the one request.
  expect(routes).toEqual({ 'POST /oauth/token': 1 });
});

for (const [mode, options] of modes) {
  test(`${mode}: after a logout, the next redirect login costs the login pages and one token request: 5`, async ({
    page,
  }) => {
    await resetTenant();
    await openCorePage(page, options());
    await loginWithRedirect(page);
    // A logout that ends the tenant's session too, so the next login shows the login pages again.
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(status(page)).toHaveText('unauthenticated');
    const before = await tenantStats();
    await loginWithRedirect(page);
    await getToken(page, 'Get token', 'token ok');
    const { routes, total } = sent(await tenantStats(), before);
    test
      .info()
      .annotations.push({ type: 'tenant requests', description: `${total} ${JSON.stringify(routes)}` });
    // The discovery document and the JWKS stayed in the storage through the logout.
    expect(routes).toEqual({ ...loginPages, 'POST /oauth/token': 1 });
    expect(total).toBe(5);
  });
}
