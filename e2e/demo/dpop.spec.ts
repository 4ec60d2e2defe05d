import { expect, test } from '@playwright/test';
import { emailCodeLogin } from '../support/authenticator.js';
import { screenshot } from '../support/corePage.js';
import { callApi, demos, logIn, navigate, openDemo } from '../support/demoPage.js';

// The demos' DPoP switch against the real tenant and the demo API: with it on, the tokens are
// DPoP-bound (the Tokens page says so, also after a refresh with the bound refresh token) and
// the API, which accepts a bound token only with a valid proof of its key, answers.
for (const demo of demos) {
  test(`${demo.name} demo: with DPoP on, the tokens are bound and the API answers the proof`, async ({
    page,
  }) => {
    await page.addInitScript(() => localStorage.setItem('sesame-demo:dpop', 'on'));
    await openDemo(page, demo, '/');
    await logIn(page);
    await navigate(page, 'Tokens');
    await expect(page.getByTestId('token-type')).toContainText('DPoP');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByTestId('token-type')).toContainText('DPoP');
    await navigate(page, 'API');
    await callApi(page);
    await screenshot(page, `${demo.name}-dpop-api`);
  });
}

// A login of the Authentication API (More logins) with DPoP on: the OTP grant carries a proof too,
// so its tokens are bound like a redirect login's and the API takes them with a proof.
for (const demo of demos) {
  test(`${demo.name} demo: with DPoP on, an email-code login gets bound tokens the API answers`, async ({
    page,
  }) => {
    await page.addInitScript(() => localStorage.setItem('sesame-demo:dpop', 'on'));
    const email = `dpop-code-${demo.name}-${Date.now()}@sesame.test`;
    await openDemo(page, demo, '/signin');
    await emailCodeLogin(page, email);
    await expect(page.getByText(`Signed in as ${email}, with no password.`)).toBeVisible();
    await navigate(page, 'Tokens');
    await expect(page.getByTestId('token-type')).toContainText('DPoP');
    await navigate(page, 'API');
    await callApi(page);
    await expect(page.locator('.messages li').nth(1)).toContainText('the DPoP proof sent with it');
  });
}
