import type { Browser, Page } from '@playwright/test';
import { type CorePageOptions, openCorePage, submitLogin } from '../support/corePage.js';
import { type FaultProxy, startFaultProxy } from '../support/faultProxy.js';
import { advanceClock } from '../support/pageClock.js';
import { expect, type FaultSpec, type Shape, test } from '../support/shape.js';
import { REUSE_INTERVAL_CLIENT_ID } from '../support/tenant.js';

// One fault during one refresh, against the real tenant, in both shapes (@production): the
// session survives (the next getTokenSilently() after the fault clears succeeds without a login),
// the snapshot tells the truth, and no refresh token is presented after it was rotated (the
// tenant's reuse counter stays 0) — except where the answer of a processed request was lost and
// no iframe can help: there the client presents the token once more. A server with a rotation
// reuse interval accepts it and the session goes on; one without ends the grant, and the snapshot
// says so. Those cases run against an application of each kind.
// A back-off is kept on the client's clock (the store's `retry.at`): the tests move the pages'
// clocks past it (support/pageClock.ts) instead of sleeping it out; they still wait in real time
// for what the tenant does late.

// A login, the shape check and the fault's waits: more than the default 60 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const REFRESH = { route: 'POST /oauth/token', grantType: 'refresh_token', count: 1 } as const;

/** One `getTokenSilently({ cacheMode: 'off' })` in the page: `token` or the error's code. */
const getToken = (page: Page) =>
  page.evaluate(() =>
    window.sesame.client.getTokenSilently({ cacheMode: 'off' }).then(
      (token) => (token.length > 20 ? 'token' : 'empty'),
      (e: { code?: string }) => e.code ?? 'error',
    ),
  );

/** The page's snapshot: status and error code. */
const snapshot = (page: Page) =>
  page.evaluate(() => {
    const { status, error } = window.sesame.client.getSnapshot();
    return { status, error: error?.code };
  });

/**
 * Signs in on the core page and proves the shape first: a token for another scope can come only
 * from the prompt=none iframe, which works same-site and answers login_required cross-site.
 */
async function signedIn(page: Page, shape: Shape, options: CorePageOptions, httpTimeout?: number) {
  await openCorePage(page, options);
  // As loginWithRedirect(), with room for a machine loaded by parallel browser runs.
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await submitLogin(page);
  await expect(page.locator('#status')).toHaveText('authenticated', { timeout: 20_000 });
  const iframe = await page.evaluate(() =>
    window.sesame.client.getTokenSilently({ authorizationParams: { scope: 'phone' } }).then(
      () => 'token',
      (e: { code?: string }) => e.code,
    ),
  );
  expect(iframe).toBe(shape === 'same-site' ? 'token' : 'login_required');
  // A short HTTP timeout only after the login, which it would make flaky on a loaded machine.
  if (httpTimeout) await openCorePage(page, { ...options, httpTimeoutInSeconds: httpTimeout });
}

/** A page in a new context whose every request goes through the test's proxy, loopback included. */
async function proxied(browser: Browser, proxy: FaultProxy): Promise<Page> {
  const context = await browser.newContext({ proxy: { server: proxy.url, bypass: '<-loopback>' } });
  return context.newPage();
}

const transient: [string, Omit<FaultSpec, 'route' | 'count'>, string][] = [
  ['a 500', { status: 500 }, 'server_error'],
  ['a 502', { status: 502 }, 'server_error'],
  ['a 503', { status: 503 }, 'server_error'],
  ['a connection dropped before the tenant read the request', { drop: true }, 'network_error'],
  ['no answer before the client timeout', { delayMs: 2500, status: 503 }, 'timeout'],
];

for (const [fault, spec, code] of transient) {
  test(`${fault} during a refresh keeps the session @production`, async ({
    page,
    shape,
    tenant,
    shapeOptions,
  }) => {
    await signedIn(page, shape, shapeOptions, 1);
    await tenant.fault({ ...REFRESH, ...spec });
    const sent = Date.now();
    // Chromium itself sends a POST again when a reused connection closes before any answer.
    expect(spec.drop ? [code, 'token'] : [code]).toContain(await getToken(page));
    expect(await snapshot(page)).toMatchObject({ status: 'authenticated' });
    // The tenant's late 503 has been sent before the next refresh.
    if (spec.delayMs) await page.waitForTimeout(Math.max(0, sent + spec.delayMs + 200 - Date.now()));
    await advanceClock(page, 1.1); // past the back-off (1 s after a first failure)
    expect(await getToken(page)).toBe('token');
    expect(await snapshot(page)).toEqual({ status: 'authenticated', error: undefined });
    const stats = await tenant.stats();
    expect(stats.faultsInjected).toBe(1);
    expect(stats.refreshTokenReuse).toBe(0);
    expect(stats.invalidGrant).toBe(0);
  });
}

test('a 429 with Retry-After: no tab sends before it ends, then the session goes on @production', async ({
  page,
  shape,
  tenant,
  shapeOptions,
}) => {
  await signedIn(page, shape, shapeOptions);
  const second = await page.context().newPage();
  await openCorePage(second, shapeOptions);
  await tenant.fault({ ...REFRESH, status: 429, retryAfter: 3 });
  expect(await getToken(page)).toBe('rate_limited');
  expect(await getToken(second)).toBe('rate_limited'); // held back by the first tab's back-off
  expect((await tenant.stats()).grantTypes.refresh_token ?? 0).toBe(0);
  for (const tab of [page, second]) await advanceClock(tab, 3.1); // past Retry-After's 3 s
  expect(await getToken(second)).toBe('token');
  const stats = await tenant.stats();
  expect(stats.grantTypes.refresh_token).toBe(1);
  expect(stats.faultsInjected).toBe(1);
  expect(stats.refreshTokenReuse).toBe(0);
});

test('offline: nothing is sent and the session waits for the network @production', async ({
  page,
  shape,
  tenant,
  shapeOptions,
}) => {
  await signedIn(page, shape, shapeOptions);
  await page.context().setOffline(true);
  expect(await getToken(page)).toBe('network_error');
  expect(await snapshot(page)).toMatchObject({ status: 'authenticated' });
  await page.context().setOffline(false);
  expect((await tenant.stats()).grantTypes.refresh_token ?? 0).toBe(0);
  expect(await getToken(page)).toBe('token');
  expect((await tenant.stats()).refreshTokenReuse).toBe(0);
});

for (const [fault, body] of [
  ['an HTML page', 'html'],
  ['JSON cut off mid-body', 'truncated-json'],
  ["the tenant's real answer reset after the headers", 'reset-after-headers'],
] as const) {
  test(`a 200 with ${fault} spends the token: never presented again @production`, async ({
    browser,
    shape,
    tenant,
    shapeOptions,
  }) => {
    const proxy = await startFaultProxy();
    const page = await proxied(browser, proxy);
    await signedIn(page, shape, shapeOptions);
    if (body === 'reset-after-headers') proxy.fail(body);
    else await tenant.fault({ ...REFRESH, body });
    if (shape === 'same-site') {
      // The iframe renews the session without the spent token.
      expect(await getToken(page)).toBe('token');
      expect(await snapshot(page)).toMatchObject({ status: 'authenticated' });
    } else {
      // No silent path: the session is over, and the page says so.
      expect(await getToken(page)).toBe('login_required');
      expect(await snapshot(page)).toEqual({ status: 'unauthenticated', error: 'login_required' });
      expect(await page.evaluate(() => window.sesame.client.isAuthenticated())).toBe(false);
    }
    const stats = await tenant.stats();
    // Only the tenant's real answer (behind the proxy) came from a processed refresh.
    expect(stats.grantTypes.refresh_token ?? 0).toBe(proxy.cut);
    expect(stats.refreshTokenReuse).toBe(0);
    await page.context().close();
    await proxy.close();
  });
}

for (const [what, fault] of [
  ['lost (the connection reset after the tenant answered)', 'lose-answer'],
  ['late (after the client timeout)', 'late'],
] as const) {
  for (const reuseInterval of [false, true]) {
    const server = reuseInterval ? 'a server with a reuse interval' : 'a server without a reuse interval';
    test(`the tenant rotated the token, the answer was ${what}: iframe first, else presented once more (${server}) @production`, async ({
      browser,
      shape,
      tenant,
      shapeOptions,
    }) => {
      const options = reuseInterval ? { ...shapeOptions, clientId: REUSE_INTERVAL_CLIENT_ID } : shapeOptions;
      const proxy = await startFaultProxy();
      const page = await proxied(browser, proxy);
      await signedIn(page, shape, options, 1);
      if (fault === 'late') await tenant.fault({ ...REFRESH, delayMs: 2000 });
      else proxy.fail(fault);
      expect(['network_error', 'timeout']).toContain(await getToken(page));
      expect(await snapshot(page)).toMatchObject({ status: 'authenticated' });
      // Either way the tenant processed the refresh: behind the proxy, or late, after the client's timeout.
      const rotated = 1;
      await expect.poll(async () => (await tenant.stats()).grantTypes.refresh_token ?? 0).toBe(rotated);
      await advanceClock(page, 1.1); // past the back-off (1 s after a first failure)
      if (shape === 'same-site') {
        expect(await getToken(page)).toBe('token');
        const stats = await tenant.stats();
        expect(stats.grantTypes.refresh_token ?? 0).toBe(rotated); // the iframe, not the token in doubt
        expect(stats.refreshTokenReuse).toBe(0);
      } else if (reuseInterval) {
        // Presented once more, within the reuse interval: the server answers with new tokens and
        // the session goes on, with no reuse detected.
        expect(await getToken(page)).toBe('token');
        expect(await snapshot(page)).toMatchObject({ status: 'authenticated' });
        const stats = await tenant.stats();
        expect(stats.grantTypes.refresh_token ?? 0).toBe(rotated + 1);
        expect(stats.refreshTokenReuse).toBe(0);
        expect(await getToken(page)).toBe('token'); // the new refresh token works too
      } else {
        // Presented once more. Without a reuse interval the server ends the grant, and the page
        // says so — no client can do better against such a server.
        expect(await getToken(page)).toBe('login_required');
        expect(await snapshot(page)).toEqual({ status: 'unauthenticated', error: 'login_required' });
        expect((await tenant.stats()).refreshTokenReuse).toBe(1);
      }
      await page.context().close();
      await proxy.close();
    });
  }
}

test('a tab closed while its refresh is in flight: the other tabs go on, nothing sent twice @production', async ({
  page,
  shape,
  tenant,
  shapeOptions,
}) => {
  await signedIn(page, shape, shapeOptions);
  const others = [await page.context().newPage(), await page.context().newPage()];
  for (const other of others) await openCorePage(other, shapeOptions);
  // The tenant holds the closing tab's request, then answers 503: it never used the token.
  await tenant.fault({ ...REFRESH, delayMs: 1500, status: 503 });
  const sent = page.waitForRequest((r) => r.url().endsWith('/oauth/token'));
  void page.evaluate(() => {
    void window.sesame.client.getTokenSilently({ cacheMode: 'off' });
  });
  await sent;
  const held = Date.now();
  await page.close(); // releases its lock; its write-ahead record stays in IndexedDB
  const [first, second] = await Promise.all(others.map(getToken));
  expect([first, second]).toEqual(['token', 'token']);
  // The tenant has answered the held request before the counters are read.
  await others[0]!.waitForTimeout(Math.max(0, held + 1700 - Date.now()));
  const stats = await tenant.stats();
  // Same-site the iframe renews the session without presenting the token in doubt; cross-site
  // one tab presents it once more and the other uses that answer.
  expect(stats.grantTypes.refresh_token ?? 0).toBe(shape === 'same-site' ? 0 : 1);
  expect(stats.refreshTokenReuse).toBe(0);
  for (const other of others) expect(await snapshot(other)).toMatchObject({ status: 'authenticated' });
});
