import { expect, test } from '@playwright/test';
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
