import { demos, logIn, navigate, openDemo, topBarLogIn } from '../support/demoPage.js';
import { expect, test } from '../support/shape.js';

// A logout from a page behind `withAuthenticationRequired` (React) or `createAuthGuard()` (Vue)
// must reach the tenant's logout and come back signed out: the route guard must not see the
// session end and start a login that overrides the logout navigation.

for (const demo of demos) {
  test(`${demo.name} demo: logging out on a protected page ends at returnTo signed out, not at the login page @production`, async ({
    page,
    tenant,
    shapeOptions,
  }) => {
    await openDemo(page, demo, '/', shapeOptions);
    await logIn(page);
    await navigate(page, 'Profile');
    await expect(page).toHaveURL(/\/profile$/);
    const toTenant: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(tenant.url)) toTenant.push(new URL(request.url()).pathname);
    });
    await page.locator('header').getByRole('button', { name: 'Log out' }).click();
    await expect(topBarLogIn(page)).toBeVisible();
    expect(page.url()).toBe(demo.url());
    expect(toTenant).toContain('/v2/logout');
    expect(toTenant).not.toContain('/authorize');
    // Signed out for good: a reload stays signed out.
    await page.reload();
    await expect(topBarLogIn(page)).toBeVisible();
  });
}
