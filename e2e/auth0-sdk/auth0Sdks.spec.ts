import { expect, type Page, test } from '@playwright/test';
import { submitLogin } from '../support/corePage.js';
import { demoUser, resetTenant, tenantStats } from '../support/tenant.js';

// The official Auth0 SDKs, unmodified from the registry, in the fixture apps of
// e2e/auth0-sdk-app, against the tenant: the tenant as the stand-in for an Auth0 tenant.
const apps = [
  { sdk: '@auth0/auth0-spa-js', url: () => process.env.AUTH0_SPA_JS_URL! },
  { sdk: '@auth0/auth0-react', url: () => process.env.AUTH0_REACT_URL! },
];

const status = (page: Page) => page.locator('#status');

/** The refresh token auth0-spa-js keeps (cacheLocation: 'localstorage'), to see rotation. */
const storedRefreshToken = (page: Page) =>
  page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('@@auth0spajs@@::auth0-sdk-fixture::')) continue;
      const entry = JSON.parse(localStorage.getItem(key)!) as { body?: { refresh_token?: string } };
      if (entry.body?.refresh_token) return entry.body.refresh_token;
    }
    return undefined;
  });

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(status(page)).not.toHaveText('loading');
}

async function logInWithRedirect(page: Page, url: string) {
  await open(page, url);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await submitLogin(page);
  // The callback's code exchange and ID-token check can take a while on a busy machine.
  await expect(status(page)).toHaveText('authenticated', { timeout: 15_000 });
  await expect(page.locator('#email')).toHaveText(demoUser.email);
}

/** Clicks an action's button; the app shows `…` as its result until the action is done. */
async function click(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
}

for (const app of apps) {
  test.describe(app.sdk, () => {
    test.beforeEach(() => resetTenant());

    test('logs in with a redirect; the callback URL is cleaned', async ({ page }) => {
      await logInWithRedirect(page, app.url());
      expect(new URL(page.url()).search).toBe('');
      await expect(page.locator('#error')).toHaveText('—');
    });

    test('logs in with a popup', async ({ page }) => {
      await open(page, app.url());
      const popupOpened = page.waitForEvent('popup');
      await click(page, 'Log in with popup');
      const popup = await popupOpened;
      await submitLogin(popup);
      await expect(page.locator('#result')).toHaveText('popup done');
      // Signed in at once: the tenant's page leaves the popup open for the SDK to close, as Auth0's
      // does (it used to close itself, and the SDK, polling the popup, sometimes saw it closed
      // before reading its message and gave up: `PopupCancelledError`, swallowed by auth0-react).
      await expect(status(page)).toHaveText('authenticated');
      await expect(page.locator('#error')).toHaveText('—');
      // And the session the SDK stored, as the app sees it when it starts again.
      await page.reload();
      await expect(status(page)).toHaveText('authenticated', { timeout: 20_000 });
      await expect(page.locator('#email')).toHaveText(demoUser.email);
    });

    test('gets tokens silently from its cache, then refreshes with rotation', async ({ page }) => {
      await logInWithRedirect(page, app.url());
      const before = await tenantStats();
      await click(page, 'Get token');
      await expect(page.locator('#result')).toHaveText('token ok');
      expect((await tenantStats()).totalRequests).toBe(before.totalRequests);

      const first = await storedRefreshToken(page);
      expect(first).toEqual(expect.any(String));
      await click(page, 'Refresh token');
      await expect(page.locator('#result')).toHaveText('refreshed');
      const second = await storedRefreshToken(page);
      expect(second).toEqual(expect.any(String));
      expect(second).not.toBe(first);
      await click(page, 'Refresh token');
      await expect(page.locator('#result')).toHaveText('refreshed');
      expect(await storedRefreshToken(page)).not.toBe(second);

      const after = await tenantStats();
      expect(after.grantTypes.refresh_token).toBe(2);
      expect(after.refreshTokenReuse).toBe(0);
      // No iframe: the refresh token did it.
      expect(after.endpoints['GET /authorize'] ?? 0).toBe(before.endpoints['GET /authorize'] ?? 0);
    });

    test('calls /userinfo with its access token', async ({ page }) => {
      await logInWithRedirect(page, app.url());
      await click(page, 'Call /userinfo');
      await expect(page.locator('#result')).toHaveText(`userinfo ${demoUser.email}`);
    });

    test('logs out at the tenant and back to the app; a silent login then needs a login', async ({
      page,
    }) => {
      await logInWithRedirect(page, app.url());
      await click(page, 'Log out');
      await expect(status(page)).toHaveText('unauthenticated');
      expect(page.url()).toBe(app.url());
      expect(await storedRefreshToken(page)).toBeUndefined();
      expect((await tenantStats()).endpoints['GET /v2/logout']).toBe(1);
      await click(page, 'Get token');
      await expect(page.locator('#error')).toHaveText(/^login_required: /);
    });

    // Needs Auth0's answer to a dead refresh token (403 "Unknown or invalid refresh token."):
    // the SDKs fall back to the iframe only when the description says "invalid refresh token".
    test('falls back to the iframe after an invalid refresh token', async ({ page }) => {
      await logInWithRedirect(page, app.url());
      const token = await storedRefreshToken(page);
      const revoked = await fetch(new URL('oauth/revoke', process.env.TENANT_URL), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: 'auth0-sdk-fixture', token }),
      });
      expect(revoked.status).toBe(200);
      const before = await tenantStats();
      await click(page, 'Refresh token');
      await expect(page.locator('#result')).toHaveText('refreshed');
      await expect(page.locator('#error')).toHaveText('—');
      const after = await tenantStats();
      expect(after.grantTypes.refresh_token).toBe((before.grantTypes.refresh_token ?? 0) + 1);
      expect(after.endpoints['GET /authorize']).toBe((before.endpoints['GET /authorize'] ?? 0) + 1);
      const fresh = await storedRefreshToken(page);
      expect(fresh).toEqual(expect.any(String));
      expect(fresh).not.toBe(token);
    });

    // Needs Auth0's API access tokens: aud [api, "{issuer}userinfo"], usable at /userinfo.
    test('calls /userinfo with an API access token (audience)', async ({ page }) => {
      await page.addInitScript(() => {
        window.__fixtureOptions = { audience: 'https://api.sesame.test' };
      });
      await logInWithRedirect(page, app.url());
      await click(page, 'Call /userinfo');
      await expect(page.locator('#result')).toHaveText(`userinfo ${demoUser.email}`);
    });
  });
}
