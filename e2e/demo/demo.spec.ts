import { expect, type Page, test } from '@playwright/test';
import { emailCodeLogin, form, totp } from '../support/authenticator.js';
import { screenshot, submitLogin } from '../support/corePage.js';
import { callApi, demos, logIn, navigate, openDemo, topBarLogIn, userInTopBar } from '../support/demoPage.js';
import { advanceClock, TOKEN_LIFETIME } from '../support/pageClock.js';
import { demoUser, mfaUser, resetTenant, tenantStats } from '../support/tenant.js';

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
      // Date and time, so an expiry after midnight does not look earlier than the issue time.
      await expect(page.getByTestId('expires')).toHaveText(/\b20\d\d\b.*\(in \d+ min\)/);
      await expect(page.getByTestId('issued')).toHaveText(/\b20\d\d\b/);
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
      await openDemo(page, demo, '/');
      await logIn(page);
      await navigate(page, 'API');
      // the client's clock moves past the 3600 s access token's expiry before each call
      for (let i = 0; i < 2; i++) {
        await advanceClock(page, TOKEN_LIFETIME);
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
      await openDemo(page, demo, '/');
      await logIn(page);
      const tabs = [page];
      for (let i = 0; i < 4; i++) {
        const tab = await context.newPage();
        await openDemo(tab, demo, '/api');
        await expect(userInTopBar(tab)).toHaveText(demoUser.name);
        tabs.push(tab);
      }
      await navigate(page, 'API');
      // every tab's clock moves past the access token's expiry
      for (const tab of tabs) await advanceClock(tab, TOKEN_LIFETIME);
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

for (const demo of demos) {
  test.describe(`${demo.name} demo, more logins`, () => {
    const signedIn = (page: Page) => page.locator('header').getByRole('button', { name: 'Log out' });

    test('sign up explains a weak password, then creates the account and signs in', async ({ page }) => {
      await openDemo(page, demo, '/signin');
      const signUp = form(page, 'Sign up');
      await signUp.getByLabel('Name').fill(`New ${demo.name} user`);
      await signUp.getByLabel('Email').fill(`new-${demo.name}-${Date.now()}@sesame.test`);
      await signUp.getByLabel('Password').fill('weak');
      await signUp.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('alert')).toContainText('invalid_password');
      await signUp.getByLabel('Password').fill('Sesame-New-2026!');
      await signUp.getByRole('button', { name: 'Create account' }).click();
      await expect(userInTopBar(page)).toHaveText(`New ${demo.name} user`);
      await expect(page.getByText('created, and signed in')).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await screenshot(page, `${demo.name}-signup`);
    });

    test('an email code signs in without a password', async ({ page }) => {
      const email = `code-${demo.name}-${Date.now()}@sesame.test`;
      await openDemo(page, demo, '/signin');
      await emailCodeLogin(page, email);
      await expect(signedIn(page)).toBeVisible();
      await expect(page.getByText(`Signed in as ${email}, with no password.`)).toBeVisible();
      expect((await tenantStats()).grantTypes['http://auth0.com/oauth/grant-type/passwordless/otp']).toBe(1);
      await screenshot(page, `${demo.name}-email-code`);
    });

    test('password login with MFA: authenticator enrolment by QR code, then a recovery code', async ({
      page,
    }) => {
      const user = mfaUser(demo.name, test.info().retry);
      const passwordLogin = async () => {
        await openDemo(page, demo, '/signin');
        await form(page, 'Password').getByLabel('Email').fill(user.email);
        await form(page, 'Password').getByLabel('Password').fill(user.password);
        await form(page, 'Password').getByRole('button', { name: 'Log in' }).click();
      };
      await passwordLogin();
      const mfa = form(page, 'Second factor');
      await expect(mfa.locator('.qr svg')).toBeVisible();
      await screenshot(page, `${demo.name}-mfa-enrolment`);
      const secret = (await mfa.getByTestId('totp-secret').textContent()) ?? '';
      await mfa.getByLabel('Code from your authenticator app').fill(totp(secret));
      await mfa.getByRole('button', { name: 'Verify' }).click();
      await expect(signedIn(page)).toBeVisible();
      const firstRecoveryCode = (await page.getByTestId('recovery-code').textContent()) ?? '';
      expect(firstRecoveryCode.length).toBeGreaterThan(8);

      await signedIn(page).click();
      await expect(topBarLogIn(page)).toBeVisible();
      await passwordLogin();
      await mfa.getByRole('button', { name: 'Use a recovery code' }).click();
      await expect(mfa.locator('.qr')).toHaveCount(0);
      await mfa.getByLabel('Recovery code').fill(firstRecoveryCode);
      await mfa.getByRole('button', { name: 'Verify' }).click();
      await expect(signedIn(page)).toBeVisible();
      await expect(page.getByTestId('recovery-code')).not.toHaveText(firstRecoveryCode);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.locator('.toast')).toHaveCount(0); // this tab's own login is no other tab's
      await screenshot(page, `${demo.name}-mfa-recovery-code`);
    });

    test('a revoked refresh token is not used again: the next refresh goes through silent auth', async ({
      page,
    }) => {
      await openDemo(page, demo);
      await logIn(page);
      await navigate(page, 'Tokens');
      await page.getByRole('button', { name: 'Revoke refresh token' }).click();
      await expect(page.getByRole('status')).toContainText('Refresh token revoked');
      expect((await tenantStats()).endpoints['POST /oauth/revoke']).toBe(1);
      const before = await tenantStats();
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await expect
        .poll(async () => (await tenantStats()).grantTypes.authorization_code)
        .toBe((before.grantTypes.authorization_code ?? 0) + 1);
      expect((await tenantStats()).grantTypes.refresh_token ?? 0).toBe(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await screenshot(page, `${demo.name}-revoke`);
    });

    test('device code: approved in another tab, the device signs in', async ({ page, context }) => {
      await openDemo(page, demo, '/signin');
      const card = page.locator('.card', { has: page.getByRole('heading', { name: 'Device code' }) });
      await card.getByRole('button', { name: 'Get a code' }).click();
      const userCode = (await card.getByTestId('user-code').textContent()) ?? '';
      const approval = await context.newPage();
      await approval.goto(
        (await card.getByRole('link', { name: 'Open the activation page' }).getAttribute('href'))!,
      );
      // the prefilled code goes on by itself: confirm it, log in, consent
      await expect(approval.locator('#user-code')).toHaveText(userCode);
      await approval.getByRole('button', { name: 'Confirm' }).click();
      await submitLogin(approval);
      await approval.getByRole('button', { name: 'Accept' }).click();
      await expect(approval.getByRole('heading', { level: 1 })).toContainText('all set');
      await expect(card).toContainText(`The device is signed in as ${demoUser.name}`, { timeout: 20_000 });
      expect(
        (await tenantStats()).grantTypes['urn:ietf:params:oauth:grant-type:device_code'],
      ).toBeGreaterThan(0);
      await screenshot(page, `${demo.name}-device-code`);
      await card.getByRole('button', { name: 'Sign the device out' }).click();
      await expect(card.getByRole('button', { name: 'Get a code' })).toBeVisible();
    });
  });
}
