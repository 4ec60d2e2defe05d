import type { Page } from '@playwright/test';
import { corePageUrl, loginWithRedirect, openCorePage, status } from '../support/corePage.js';
import { freePort } from '../support/freePort.js';
import { expect, test } from '../support/shape.js';

// Start-up of the core page (`checkSession()` at load): a first visit settles at once with no
// iframe; a misconfigured app settles fast with a code naming the cause, not after 60 s.

/** Counts the iframes the page attaches (the `prompt=none` iframe is the only one it makes). */
function countIframes(page: Page): () => number {
  let count = 0;
  page.on('frameattached', () => count++);
  return () => count;
}

/** Opens the core page and returns the milliseconds from navigation until its snapshot left `loading`. */
async function timeToSettle(page: Page, options: Parameters<typeof openCorePage>[1]): Promise<number> {
  await openCorePage(page, options);
  await expect(status(page)).not.toHaveText('loading');
  return sinceNavigation(page);
}

/** Milliseconds since the page's navigation started, on the page's clock (no test-runner overhead). */
const sinceNavigation = (page: Page) => page.evaluate(() => Math.round(performance.now()));

/** The sign-in hint a login leaves (`sesame:{clientId}:signed-in`), as on a returning user's browser. */
async function returningUser(page: Page, clientId: string): Promise<void> {
  await page.addInitScript((key) => localStorage.setItem(key, '1'), `sesame:${clientId}:signed-in`);
}

test('a first visit settles at once, with no iframe and no request to the tenant @production', async ({
  page,
  tenant,
  shapeOptions,
}) => {
  const iframes = countIframes(page);
  const ms = await timeToSettle(page, shapeOptions);
  await expect(status(page)).toHaveText('unauthenticated');
  expect(iframes()).toBe(0);
  expect((await tenant.stats()).totalRequests).toBe(0);
  test.info().annotations.push({ type: 'first visit: ms to a settled snapshot', description: String(ms) });
});

test('after a login, a logout and a new page: signed out, no iframe @production', async ({
  page,
  shapeOptions,
}) => {
  await openCorePage(page, shapeOptions);
  await loginWithRedirect(page);
  await page.evaluate(() => window.sesame.client.logout({ openUrl: false }));
  const fresh = await page.context().newPage();
  const iframes = countIframes(fresh);
  await openCorePage(fresh, shapeOptions);
  await expect(status(fresh)).toHaveText('unauthenticated');
  expect(iframes()).toBe(0);
});

const misconfigurations: [string, () => Promise<Parameters<typeof openCorePage>[1]>][] = [
  ['an unknown client id', async () => ({ clientId: 'no-such-client' })],
  [
    'a redirect_uri the application does not allow',
    async () => ({ authorizationParams: { redirect_uri: `${corePageUrl()}not-registered` } }),
  ],
  ['a domain nothing answers on', async () => ({ domain: `http://127.0.0.1:${await freePort()}` })],
];

for (const [name, misconfigure] of misconfigurations) {
  test(`${name}: a first visit settles at once; a returning user gets configuration_error fast @production`, async ({
    page,
    shapeOptions,
  }) => {
    const options = { ...shapeOptions, ...(await misconfigure()) };
    const iframes = countIframes(page);
    await timeToSettle(page, options);
    await expect(status(page)).toHaveText('unauthenticated');
    expect(iframes()).toBe(0);

    const returning = await page.context().newPage();
    await returningUser(returning, options.clientId ?? 'sesame-spa');
    await openCorePage(returning, options);
    await expect(returning.locator('#error')).toContainText('configuration_error', { timeout: 30_000 });
    const ms = await sinceNavigation(returning);
    await expect(status(returning)).toHaveText('unauthenticated');
    await expect(returning.locator('iframe')).toHaveCount(0);
    // Was 60 s and more (the iframe's full timeout); the bound is loose for a loaded CI machine.
    expect(ms).toBeLessThan(30_000);
    test.info().annotations.push({ type: `${name}: ms to configuration_error`, description: String(ms) });
  });
}
