import { expect, type Page, test } from '@playwright/test';
import { screenshot, submitLogin } from '../support/corePage.js';
import { callApi, demos, logIn, navigate, openDemo, topBarLogIn, userInTopBar } from '../support/demoPage.js';
import { demoUser, resetTenant, tenantStats } from '../support/tenant.js';

// Both demo apps, built with `vite build`, against the real tenant and demo API, as a person uses them.

const alert = (page: Page) => page.getByRole('alert');
const notice = (page: Page) => page.getByRole('status');

test.beforeEach(async () => {
  await resetTenant();
});

for (const demo of demos) {
  test.describe(`${demo.name} demo`, () => {
    test('redirect login signs in and comes back to a clean URL', async ({ page }) => {
      await openDemo(page, demo);
      await logIn(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${demoUser.name}`);
      expect(new URL(page.url()).search).toBe('');
      expect((await tenantStats()).grantTypes.authorization_code).toBe(1);
      await screenshot(page, `${demo.name}-redirect-login`);
    });

    test('a popup the user closes is explained; popup login signs in', async ({ page }) => {
      await openDemo(page, demo);
      const popupButton = page.getByRole('button', { name: 'Log in with popup' });
      const [closing] = await Promise.all([page.waitForEvent('popup'), popupButton.click()]);
      await closing.close();
      await expect(alert(page)).toContainText('popup_closed');
      await expect(alert(page)).toContainText('The login window was closed');
      await expect(topBarLogIn(page)).toBeVisible();

      const [popup] = await Promise.all([page.waitForEvent('popup'), popupButton.click()]);
      await submitLogin(popup);
      await expect(userInTopBar(page)).toHaveText(demoUser.name);
      await expect(alert(page)).toHaveCount(0);
      expect(popup.isClosed()).toBe(true);
      await screenshot(page, `${demo.name}-popup-login`);
    });

    test('a reload keeps the session with no request to the tenant', async ({ page }) => {
      await openDemo(page, demo);
      await logIn(page);
      await resetTenant();
      const tenantRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(process.env.TENANT_URL ?? '')) tenantRequests.push(r.url());
      });
      await page.reload();
      await expect(userInTopBar(page)).toHaveText(demoUser.name);
      await navigate(page, 'Tokens');
      await expect(page.getByTestId('expires')).toContainText('min');
      expect(tenantRequests).toEqual([]);
      expect((await tenantStats()).totalRequests).toBe(0);
      await screenshot(page, `${demo.name}-reload-tokens`);
    });

    test('with refresh tokens off, "Refresh now" renews through the silent-auth iframe', async ({ page }) => {
      await openDemo(page, demo, '/', { useRefreshTokens: false });
      await logIn(page);
      await navigate(page, 'Tokens');
      await expect(page.getByTestId('expires')).toContainText('min');
      const before = await tenantStats();
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await expect
        .poll(async () => (await tenantStats()).grantTypes.authorization_code)
        .toBe((before.grantTypes.authorization_code ?? 0) + 1);
      await expect(page.getByRole('button', { name: 'Refresh now' })).toBeEnabled();
      await expect(alert(page)).toHaveCount(0);
      expect((await tenantStats()).grantTypes.refresh_token ?? 0).toBe(0);
      expect(await page.locator('iframe').count()).toBe(0);
      await screenshot(page, `${demo.name}-silent-iframe`);
    });

    test('an expired access token is refreshed with the newest refresh token', async ({ page }) => {
      // a leeway just under the tenant's 3600 s access-token lifetime: a token counts as expired after ~2 s
      await openDemo(page, demo, '/', { leeway: 3598 });
      await logIn(page);
      await navigate(page, 'API');
      for (let i = 0; i < 2; i++) {
        await page.waitForTimeout(2500);
        await callApi(page);
      }
      const stats = await tenantStats();
      expect(stats.grantTypes.refresh_token).toBe(2);
      expect(stats.refreshTokenReuse).toBe(0);
      expect(stats.invalidGrant).toBe(0);
      await screenshot(page, `${demo.name}-refresh-rotation`);
    });

    test('a protected page sends a signed-out user to the login page and back to that page', async ({
      page,
    }) => {
      await openDemo(page, demo, '/profile');
      await expect(page).toHaveURL(new RegExp(`^${process.env.TENANT_URL}`));
      await submitLogin(page);
      await expect(page).toHaveURL(new URL('/profile', demo.url()).href);
      await expect(page.locator('.profile h2')).toHaveText(demoUser.name);
      await expect(page.locator('pre')).toContainText(demoUser.email);
      await screenshot(page, `${demo.name}-protected-profile`);
    });

    test('a login in one tab shows up in another without a reload', async ({ page, context }) => {
      await openDemo(page, demo);
      const other = await context.newPage();
      await openDemo(other, demo);
      await expect(topBarLogIn(other)).toBeVisible();
      await logIn(page);
      await expect(userInTopBar(other)).toHaveText(demoUser.name);
      await expect(notice(other)).toHaveText('Signed in in another tab');
      await expect(notice(page)).toHaveCount(0);
      await screenshot(other, `${demo.name}-login-other-tab`);
    });

    test('a logout in one tab logs out the others', async ({ page, context }) => {
      await openDemo(page, demo);
      await logIn(page);
      const others = [await context.newPage(), await context.newPage()];
      for (const other of others) {
        await openDemo(other, demo);
        await expect(userInTopBar(other)).toHaveText(demoUser.name);
      }
      await page.locator('header').getByRole('button', { name: 'Log out' }).click();
      await expect(topBarLogIn(page)).toBeVisible();
      for (const other of others) {
        await expect(topBarLogIn(other)).toBeVisible();
        await expect(notice(other)).toHaveText('Signed out in another tab');
      }
      await screenshot(others[0]!, `${demo.name}-logout-other-tab`);
    });

    test('five tabs refreshing at once send one refresh request and reuse nothing', async ({
      page,
      context,
    }) => {
      // every tab's token counts as expired 10 s after it was issued
      const options = { leeway: 3590 };
      await openDemo(page, demo, '/', options);
      await logIn(page);
      const issued = Date.now();
      const tabs = [page];
      for (let i = 0; i < 4; i++) {
        const tab = await context.newPage();
        await openDemo(tab, demo, '/api', options);
        await expect(userInTopBar(tab)).toHaveText(demoUser.name);
        tabs.push(tab);
      }
      await navigate(page, 'API');
      await page.waitForTimeout(Math.max(0, issued + 10_500 - Date.now()));
      const before = await tenantStats();
      await Promise.all(tabs.map((tab) => callApi(tab)));
      const stats = await tenantStats();
      expect(stats.grantTypes.refresh_token).toBe((before.grantTypes.refresh_token ?? 0) + 1);
      expect(stats.refreshTokenReuse).toBe(0);
      expect(stats.invalidGrant).toBe(0);
      await screenshot(tabs[4]!, `${demo.name}-five-tabs`);
    });

    test('"Call the API" is refused without a token and answered with one', async ({ page }) => {
      await openDemo(page, demo, '/api');
      await expect(topBarLogIn(page)).toBeVisible();
      await page.getByRole('button', { name: 'Call the API' }).click();
      await expect(alert(page)).toContainText('HTTP 401');
      await expect(alert(page)).toContainText('No access token');
      await logIn(page);
      await navigate(page, 'API');
      await callApi(page);
      await expect(page.locator('.messages')).toContainText('Hello from a protected API!');
      await expect(page.locator('.messages + p')).toContainText('read:messages');
      await screenshot(page, `${demo.name}-call-api`);
    });

    test('a tampered state is explained and signs nobody in', async ({ page }) => {
      await openDemo(page, demo, '/?code=forged&state=tampered');
      await expect(alert(page)).toContainText('invalid_state');
      await expect(alert(page)).toContainText('Nobody was signed in');
      await expect(topBarLogIn(page)).toBeVisible();
      expect(new URL(page.url()).search).toBe('');
      expect((await tenantStats()).grantTypes.authorization_code ?? 0).toBe(0);
      await screenshot(page, `${demo.name}-tampered-state`);
    });
  });
}
