import { TOKEN_LIFETIME } from '../support/pageClock.js';
import { demoUser } from '../support/tenant.js';
import { waitFor } from './driver/waitFor.js';
import { expect, test } from './fixtures.js';
import { crossSiteIframe } from './outcomes.js';
import {
  byText,
  loginWithRedirect,
  openCorePage,
  submitLogin,
  tokenOrError,
  waitForStatus,
} from './steps.js';

// The core's flows on the plain core page, written once and run in Chromium (Playwright), Firefox
// (puppeteer-core over WebDriver BiDi) and WebKitGTK (classic WebDriver): one project per engine.

// several logins and tabs per test: more than the config's 60 s on a busy 2-core machine; each wait stays bounded
test.describe.configure({ timeout: 120_000 });

test('redirect login signs in and leaves nothing in the URL or web storage', async ({
  session,
  sameSite,
}) => {
  const tab = await openCorePage(session);
  await waitForStatus(tab, 'unauthenticated');
  await loginWithRedirect(tab);
  expect(await tab.evaluate(() => document.getElementById('user')?.textContent)).toBe(demoUser.name);
  const url = new URL(await tab.url());
  expect(url.search + url.hash).toBe('');
  // only the sign-in hint ("1", never a token) and the test's own options key: no token, code or
  // verifier in web storage or cookies
  const kept = await tab.evaluate(() => [
    ...Object.entries(localStorage).map(([key, value]) => `${key}=${value}`),
    ...Object.keys(sessionStorage),
    document.cookie,
  ]);
  expect(kept).toEqual(['sesame:sesame-spa:signed-in=1', 'sesame-e2e-options', '']);
  expect((await sameSite.stats()).grantTypes.authorization_code).toBe(1);
});

test('a popup the user closes rejects with popup_closed; popup login signs in', async ({ session }) => {
  const tab = await openCorePage(session);
  await waitForStatus(tab, 'unauthenticated');
  const closing = await tab.clickForPopup('#popup');
  await closing.close();
  await waitFor(tab, 'popup_closed', () =>
    document.getElementById('error')?.textContent?.startsWith('popup_closed'),
  );
  await waitForStatus(tab, 'unauthenticated');

  const popup = await tab.clickForPopup('#popup');
  await submitLogin(popup);
  await waitForStatus(tab, 'authenticated');
  expect(await tab.evaluate(() => document.getElementById('user')?.textContent)).toBe(demoUser.name);
});

test('a reload with a stored session is authenticated with no request to the tenant', async ({
  session,
  sameSite,
}) => {
  const tab = await openCorePage(session);
  await loginWithRedirect(tab);
  await sameSite.reset();
  await tab.reload();
  await waitForStatus(tab, 'authenticated');
  expect((await tokenOrError(tab)).token).toBeTruthy();
  expect((await sameSite.stats()).totalRequests).toBe(0);
});

test('silent authentication same-site: the prompt=none iframe renews the token', async ({
  session,
  sameSite,
}) => {
  const tab = await openCorePage(session, { useRefreshTokens: false });
  await loginWithRedirect(tab);
  const before = await sameSite.stats();
  expect(await tokenOrError(tab, { cacheMode: 'off' })).toEqual({ token: expect.any(String) });
  const after = await sameSite.stats();
  expect(after.grantTypes.authorization_code).toBe((before.grantTypes.authorization_code ?? 0) + 1);
  expect(after.grantTypes.refresh_token ?? 0).toBe(0);
  expect(await tab.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
});

test("silent authentication cross-site: what the engine's cookie rules allow", async ({
  session,
  crossSite,
  engine,
}) => {
  const tab = await openCorePage(session, {
    domain: crossSite.url.replace(/\/$/, ''),
    useRefreshTokens: false,
  });
  await loginWithRedirect(tab);
  const before = await crossSite.stats();
  const iframe = await tokenOrError(tab, { cacheMode: 'off' });
  const codeGrants = (await crossSite.stats()).grantTypes.authorization_code ?? 0;
  if (crossSiteIframe[engine] === 'token') {
    expect(iframe).toEqual({ token: expect.any(String) });
    expect(codeGrants).toBe((before.grantTypes.authorization_code ?? 0) + 1);
  } else {
    expect(iframe).toEqual({ error: crossSiteIframe[engine] });
    expect(codeGrants).toBe(before.grantTypes.authorization_code ?? 0);
  }
});

test('cross-site with refresh tokens (the default): renewal needs no third-party cookie', async ({
  session,
  crossSite,
}) => {
  const tab = await openCorePage(session, { domain: crossSite.url.replace(/\/$/, '') });
  await loginWithRedirect(tab);
  const first = await tokenOrError(tab);
  const renewed = await tokenOrError(tab, { cacheMode: 'off' });
  expect(renewed).toEqual({ token: expect.any(String) });
  expect(renewed.token).not.toBe(first.token);
  await tab.reload();
  await waitForStatus(tab, 'authenticated');
  const stats = await crossSite.stats();
  expect(stats.grantTypes.refresh_token).toBe(1);
  expect(stats.refreshTokenReuse).toBe(0);
});

test('refresh rotation: an expired access token is renewed with the newest refresh token', async ({
  session,
  sameSite,
}) => {
  const tab = await openCorePage(session);
  await loginWithRedirect(tab);
  const tokens = [(await tokenOrError(tab)).token];
  for (let i = 0; i < 2; i++) {
    // the client's clock moves past the access token's lifetime (the page reads the offset)
    await tab.evaluate((ms) => {
      window.__clockOffsetMs = (window.__clockOffsetMs ?? 0) + ms;
    }, TOKEN_LIFETIME * 1000);
    const next = await waitFor(
      tab,
      'a renewed token',
      (previous) => window.sesame.client.getTokenSilently().then((t) => t !== previous && t),
      tokens.at(-1),
    );
    tokens.push(next as string);
  }
  expect(new Set(tokens).size).toBe(3);
  const stats = await sameSite.stats();
  expect(stats.grantTypes.refresh_token).toBe(2);
  expect(stats.refreshTokenReuse).toBe(0);
  expect(stats.invalidGrant).toBe(0);
});

test('three tabs refreshing at once send one refresh request and reuse nothing', async ({
  session,
  sameSite,
}) => {
  const tabs = [await openCorePage(session)];
  await loginWithRedirect(tabs[0]!);
  for (let i = 0; i < 2; i++) {
    const tab = await openCorePage(session);
    await waitForStatus(tab, 'authenticated');
    tabs.push(tab);
  }
  // every tab waits for one BroadcastChannel message, then forces a refresh: they start together
  for (const tab of tabs) {
    await tab.evaluate(() => {
      const go = new BroadcastChannel('e2e-go');
      go.onmessage = () => {
        window.__e2eToken = window.sesame.client.getTokenSilently({ cacheMode: 'off' });
      };
    });
  }
  const before = await sameSite.stats();
  await tabs[0]!.evaluate(() => {
    new BroadcastChannel('e2e-go').postMessage('go');
    window.__e2eToken = window.sesame.client.getTokenSilently({ cacheMode: 'off' });
  });
  const tokens = [];
  for (const tab of tabs) tokens.push(await waitFor(tab, 'the refreshed token', () => window.__e2eToken));
  expect(new Set(tokens).size).toBe(1);
  const stats = await sameSite.stats();
  expect(stats.grantTypes.refresh_token).toBe((before.grantTypes.refresh_token ?? 0) + 1);
  expect(stats.refreshTokenReuse).toBe(0);
  expect(stats.invalidGrant).toBe(0);
});

test('a login in one tab shows up in another; a logout logs out both', async ({ session }) => {
  const tab = await openCorePage(session);
  const other = await openCorePage(session);
  await waitForStatus(other, 'unauthenticated');
  await loginWithRedirect(tab);
  await waitForStatus(other, 'authenticated');

  await tab.click(byText('Log out'));
  await waitForStatus(tab, 'unauthenticated');
  await waitForStatus(other, 'unauthenticated');
  expect(await tokenOrError(other, { cacheMode: 'cache-only' })).toEqual({ error: 'login_required' });
  expect(await tokenOrError(tab, { cacheMode: 'cache-only' })).toEqual({ error: 'login_required' });
});
