import type { Page } from '@playwright/test';
import type { TenantStats } from '@sesame/tenant';
import { type CorePageOptions, loginWithRedirect, openCorePage, status } from '../support/corePage.js';
import { expect, type ShapeFixtures, test } from '../support/shape.js';

// What a redirect login costs at the tenant, in both server modes (issue #14): every request the
// tenant counts, CORS preflights included, from a first visit to a token in hand. `@production`:
// also with the tenant on another site and third-party cookies blocked (support/shape.ts).

/** The tenant's own login pages: the same for every client library. */
const loginPages = {
  'GET /authorize': 1,
  'GET /login/:uid': 1,
  'POST /login/:uid': 1,
  'GET /authorize/:uid': 1,
};

/**
 * Requests per route since `before` (preflights as `OPTIONS`), and their total; with `annotate`,
 * also written into the test's report.
 */
function sent(after: TenantStats, before?: TenantStats, annotate = false) {
  const routes: Record<string, number> = {};
  for (const [route, count] of Object.entries(after.endpoints)) {
    const n = count - (before?.endpoints[route] ?? 0);
    if (n) routes[route] = n;
  }
  const preflights = after.preflightRequests - (before?.preflightRequests ?? 0);
  if (preflights) routes.OPTIONS = preflights;
  const total = Object.values(routes).reduce((sum, n) => sum + n, 0);
  if (annotate) {
    test
      .info()
      .annotations.push({ type: 'tenant requests', description: `${total} ${JSON.stringify(routes)}` });
  }
  return { routes, total };
}

async function getToken(page: Page, button: 'Get token' | 'Refresh now', log: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('#log')).toContainText(log);
}

type Options = (shape: Pick<ShapeFixtures, 'tenant' | 'shapeOptions'>) => CorePageOptions;
// The page's client in Auth0 mode (`domain`) or OIDC mode (`issuer`), on this shape's tenant.
const auth0: Options = ({ shapeOptions }) => shapeOptions;
const oidc: Options = ({ tenant }) => ({ issuer: tenant.url });
const modes: [string, Options, Record<string, number>][] = [
  ['Auth0 mode (domain)', auth0, {}],
  // One discovery for the login page; the callback page uses the document the login page stored.
  ['OIDC mode (issuer)', oidc, { 'GET /.well-known/openid-configuration': 1 }],
];

for (const [mode, options, discovery] of modes) {
  test(`${mode}: a redirect login costs the login pages, one token request, the JWKS${
    Object.keys(discovery).length ? ' and one discovery' : ''
  } @production`, async ({ page, tenant, shapeOptions }) => {
    await openCorePage(page, options({ tenant, shapeOptions }));
    await expect(status(page)).toHaveText('unauthenticated');
    await loginWithRedirect(page);
    await getToken(page, 'Get token', 'token ok');
    const { routes } = sent(await tenant.stats(), undefined, true);
    expect(routes).toEqual({
      ...loginPages,
      ...discovery,
      'POST /oauth/token': 1,
      'GET /.well-known/jwks.json': 1,
    });
  });
}

test('OIDC mode: a later page load refreshes with the stored discovery document and JWKS, no second fetch @production', async ({
  page,
  tenant,
  shapeOptions,
}) => {
  await openCorePage(page, oidc({ tenant, shapeOptions }));
  await loginWithRedirect(page);
  // Resetting the tenant would drop the grant: the counters are compared instead.
  const before = await tenant.stats();
  await page.reload();
  await expect(status(page)).toHaveText('authenticated');
  await getToken(page, 'Refresh now', 'token refreshed');
  const { routes } = sent(await tenant.stats(), before);
  // Both public documents came from the storage: the refresh is the one request.
  expect(routes).toEqual({ 'POST /oauth/token': 1 });
});

for (const [mode, options] of modes) {
  test(`${mode}: after a logout, the next redirect login costs the login pages and one token request: 5 @production`, async ({
    page,
    tenant,
    shapeOptions,
  }) => {
    await openCorePage(page, options({ tenant, shapeOptions }));
    await loginWithRedirect(page);
    // A logout that ends the tenant's session too, so the next login shows the login pages again.
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(status(page)).toHaveText('unauthenticated');
    const before = await tenant.stats();
    await loginWithRedirect(page);
    await getToken(page, 'Get token', 'token ok');
    const { routes, total } = sent(await tenant.stats(), before, true);
    // The discovery document and the JWKS stayed in the storage through the logout.
    expect(routes).toEqual({ ...loginPages, 'POST /oauth/token': 1 });
    expect(total).toBe(5);
  });
}
