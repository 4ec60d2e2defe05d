import { expect, test } from '@playwright/test';
import { loginWithRedirect, openCorePage, screenshot, status, submitLogin } from '../support/corePage.js';
import { advanceClock, TOKEN_LIFETIME } from '../support/pageClock.js';
import { demoUser, resetTenant, tenantStats } from '../support/tenant.js';

// The core alone, on a plain page, against the real tenant in a real Chromium.

test.beforeEach(async () => {
  await resetTenant();
});

test('redirect login signs in and cleans the callback URL', async ({ page }) => {
  await openCorePage(page);
  await expect(status(page)).toHaveText('unauthenticated');
  await loginWithRedirect(page);
  await expect(page.locator('#user')).toHaveText(demoUser.name);
  expect(page.url()).not.toContain('code=');
  expect(page.url()).not.toContain('state=');
  await expect(page.locator('#log')).toContainText('callback {"from":"core-page"}');
  // no token, code or verifier in web storage or cookies of the app's origin: only the sign-in
  // hint the start-up reads ("1", never a token)
  const kept = await page.evaluate(
    () => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie,
  );
  expect(kept).toBe('{"sesame:sesame-spa:signed-in":"1"}');
  expect((await tenantStats()).grantTypes.authorization_code).toBe(1);
  await screenshot(page, 'core-redirect-login');
});

test('a replayed or tampered callback signs nobody in and sends nothing', async ({ page }) => {
  await openCorePage(page);
  const before = await tenantStats();
  await page.goto(`${page.url()}?code=forged&state=tampered`);
  await expect(page.locator('#error')).toContainText('invalid_state');
  await expect(status(page)).toHaveText('unauthenticated');
  expect((await tenantStats()).grantTypes.authorization_code ?? 0).toBe(
    before.grantTypes.authorization_code ?? 0,
  );
  await screenshot(page, 'core-tampered-state');
});

test('a popup the user closes rejects with popup_closed; popup login signs in', async ({ page }) => {
  await openCorePage(page);
  const popupButton = page.getByRole('button', { name: 'Log in with popup' });
  const [closing] = await Promise.all([page.waitForEvent('popup'), popupButton.click()]);
  await closing.close();
  await expect(page.locator('#error')).toContainText('popup_closed');
  await expect(status(page)).toHaveText('unauthenticated');

  const [popup] = await Promise.all([page.waitForEvent('popup'), popupButton.click()]);
  await submitLogin(popup);
  await expect(status(page)).toHaveText('authenticated');
  await expect(page.locator('#user')).toHaveText(demoUser.name);
  await expect(page.locator('#error')).toBeHidden(); // the closed popup's error is over
  expect(popup.isClosed()).toBe(true);
  await screenshot(page, 'core-popup-login');
});

test('a reload with a stored session is authenticated with no request to the tenant', async ({ page }) => {
  await openCorePage(page);
  await loginWithRedirect(page);
  await resetTenant();
  const tenantRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(process.env.TENANT_URL ?? '')) tenantRequests.push(r.url());
  });
  await page.reload();
  await expect(status(page)).toHaveText('authenticated');
  await page.getByRole('button', { name: 'Get token' }).click();
  await expect(page.locator('#log')).toContainText('token ok');
  expect(tenantRequests).toEqual([]);
  expect((await tenantStats()).totalRequests).toBe(0);
  await screenshot(page, 'core-reload');
});

test('silent authentication through the prompt=none iframe when refresh tokens are off', async ({
  page,
  context,
}) => {
  await openCorePage(page, { useRefreshTokens: false });
  await loginWithRedirect(page);
  await resetTenant(); // drops the tenant session too: the iframe must now answer login_required
  const error = await page.evaluate(() =>
    window.sesame.client.getTokenSilently({ cacheMode: 'off' }).then(
      () => 'none',
      (e: { code?: string }) => e.code,
    ),
  );
  expect(error).toBe('login_required');

  // with a tenant session, the iframe returns a code and a new token, with no refresh grant
  const fresh = await context.newPage();
  await openCorePage(fresh, { useRefreshTokens: false });
  await loginWithRedirect(fresh);
  const before = await tenantStats();
  const token = await fresh.evaluate(() => window.sesame.client.getTokenSilently({ cacheMode: 'off' }));
  expect(token.length).toBeGreaterThan(20);
  const after = await tenantStats();
  expect(after.grantTypes.authorization_code).toBe((before.grantTypes.authorization_code ?? 0) + 1);
  expect(after.grantTypes.refresh_token ?? 0).toBe(0);
  expect(await fresh.locator('iframe').count()).toBe(0);
  await screenshot(fresh, 'core-silent-iframe');
});

test('refresh rotation: an expired access token is refreshed with the newest refresh token', async ({
  page,
}) => {
  await openCorePage(page);
  await loginWithRedirect(page);
  const first = await page.evaluate(() => window.sesame.client.getTokenSilently());
  // the client's clock moves past the 3600 s access token's expiry, twice
  await advanceClock(page, TOKEN_LIFETIME);
  const second = await page.evaluate(() => window.sesame.client.getTokenSilently());
  await advanceClock(page, TOKEN_LIFETIME);
  const third = await page.evaluate(() => window.sesame.client.getTokenSilently());
  expect(new Set([first, second, third]).size).toBe(3);
  const stats = await tenantStats();
  expect(stats.grantTypes.refresh_token).toBe(2);
  expect(stats.refreshTokenReuse).toBe(0);
  expect(stats.invalidGrant).toBe(0);
  await screenshot(page, 'core-refresh-rotation');
});

test('five tabs refreshing at once send one refresh request and reuse nothing', async ({ page, context }) => {
  await openCorePage(page);
  await loginWithRedirect(page);
  const tabs = [page];
  for (let i = 0; i < 4; i++) {
    const tab = await context.newPage();
    await openCorePage(tab);
    await expect(status(tab)).toHaveText('authenticated');
    tabs.push(tab);
  }
  // Every tab's clock moves past the access token's expiry, then every tab asks for a token: the
  // store re-read under the lock lets four use the first one's refresh. (Not cacheMode 'off': a
  // tab whose call Playwright dispatches after the first refresh ended would rightly refresh again.)
  for (const tab of tabs) await advanceClock(tab, TOKEN_LIFETIME);
  const before = await tenantStats();
  const tokens = await Promise.all(
    tabs.map((tab) => tab.evaluate(() => window.sesame.client.getTokenSilently())),
  );
  expect(tokens.every((t) => t.length > 20)).toBe(true);
  expect(new Set(tokens).size).toBe(1);
  const stats = await tenantStats();
  expect(stats.grantTypes.refresh_token).toBe((before.grantTypes.refresh_token ?? 0) + 1);
  expect(stats.refreshTokenReuse).toBe(0);
  expect(stats.invalidGrant).toBe(0);
  await screenshot(page, 'core-five-tabs');
});

test('logout in one tab logs out the others; login in one shows up in another', async ({ page, context }) => {
  await openCorePage(page);
  const other = await context.newPage();
  await openCorePage(other);
  await expect(status(other)).toHaveText('unauthenticated');
  await loginWithRedirect(page);
  await expect(status(other)).toHaveText('authenticated');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(status(page)).toHaveText('unauthenticated');
  await expect(status(other)).toHaveText('unauthenticated');
  const leftovers = await other.evaluate(() =>
    window.sesame.client.getTokenSilently({ cacheMode: 'cache-only' }).catch(() => null),
  );
  expect(leftovers).toBeNull();
  await screenshot(other, 'core-logout-other-tab');
});
