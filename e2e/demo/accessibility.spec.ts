import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.js';
import { demos, logIn, navigate, openDemo, topBarLogIn, userInTopBar } from '../support/demoPage.js';
import { demoUser, resetTenant } from '../support/tenant.js';

// axe-core on every page a person sees: both demos signed out and signed in, and the tenant's
// own pages (its home page, the login form, the outbox, device activation). 0 violations.

test.beforeEach(async () => {
  await resetTenant();
});

for (const demo of demos) {
  test.describe(`${demo.name} demo has no axe violation`, () => {
    // axe reads every element of the page: slow on a busy machine.
    test.describe.configure({ timeout: 180_000 });

    test('signed out, and on the tenant’s login page', async ({ page }) => {
      await openDemo(page, demo);
      await expect(topBarLogIn(page)).toBeVisible();
      await expectNoAxeViolations(page);
      await topBarLogIn(page).click();
      await expect(page.locator('#username')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('signed in: home, Profile, Tokens, API, More logins', async ({ page }) => {
      await openDemo(page, demo);
      await logIn(page);
      await expect(userInTopBar(page)).toHaveText(demoUser.name);
      await expectNoAxeViolations(page);
      for (const name of ['Profile', 'Tokens', 'API'] as const) {
        await navigate(page, name);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await page.locator('header nav').getByRole('link', { name: 'More logins' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test('the tenant’s pages (home, outbox, device activation) have no axe violation', async ({ page }) => {
  const tenant = process.env.TENANT_URL!;
  for (const path of ['', '__dev/outbox.html', 'activate']) {
    await page.goto(new URL(path, tenant).href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});
