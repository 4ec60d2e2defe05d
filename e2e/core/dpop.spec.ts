import type { Page } from '@playwright/test';
import { startTenant } from '@sesame/tenant';
import { loginWithRedirect, openCorePage, status, submitLogin } from '../support/corePage.js';
import { corePagePort } from '../support/ports.js';
import { expect, test } from '../support/shape.js';
import { readStoredSession } from '../support/storedSession.js';

// The core with DPoP against the real tenant in Chromium: the stored key, popup login, logout in
// every tab, and a tenant that requires DPoP nonces.

/**
 * The token endpoint's answers a page sees, as `status error` (e.g. `400 use_dpop_nonce`); they
 * are read as they arrive, so a test polls the list.
 */
function tokenAnswers(page: Page): string[] {
  const answers: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/oauth/token') || response.request().method() !== 'POST') return;
    const body = await response.json().catch(() => ({}));
    answers.push(`${response.status()}${body.error ? ` ${body.error}` : ''}`);
  });
  return answers;
}

test('the DPoP key is stored non-extractable: crypto.subtle.exportKey rejects in the browser', async ({
  page,
}) => {
  await openCorePage(page, { dpop: true });
  await loginWithRedirect(page);
  const stored = await readStoredSession(page);
  expect(stored.dpopKey).toMatchObject({ extractable: false, exported: 'rejected' });
  expect(stored.tokens.map((token) => token.tokenType.toLowerCase())).toEqual(['dpop']);
});

test('DPoP login by popup: bound tokens, no refresh needs a login', async ({ page }) => {
  await openCorePage(page, { dpop: true });
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Log in with popup' }).click(),
  ]);
  await submitLogin(popup);
  await expect(status(page)).toHaveText('authenticated');
  const stored = await readStoredSession(page);
  expect(stored.tokens.map((token) => token.tokenType.toLowerCase())).toEqual(['dpop']);
  expect(stored.dpopKey?.exported).toBe('rejected');
  // The popup's code was exchanged with a proof of the stored key: the bound refresh token works.
  const answers = tokenAnswers(page);
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.locator('#log')).toContainText('token refreshed');
  await expect.poll(() => answers).toEqual(['200']);
});

test('logout in one tab removes the DPoP key and the tokens in every tab; the next login makes a new key', async ({
  page,
}) => {
  await openCorePage(page, { dpop: true });
  const other = await page.context().newPage();
  await openCorePage(other, { dpop: true });
  await loginWithRedirect(page);
  await expect(status(other)).toHaveText('authenticated');
  const before = await readStoredSession(other);
  expect(before.keys).toContain('dpop');
  expect(before.tokens).toHaveLength(1);

  await page.evaluate(() => window.sesame.client.logout({ openUrl: false }));
  await expect(status(other)).toHaveText('unauthenticated');
  const after = await readStoredSession(other);
  // Only the server's public key set stays (no secret in it: the next login needs no download).
  expect(after).toEqual({ keys: ['jwks'], tokens: [], dpopKey: undefined });
  // Nor in the other tab's memory.
  const fromMemory = await other.evaluate(() =>
    window.sesame.client.getTokenSilently({ cacheMode: 'cache-only' }).then(
      () => 'a token',
      (error: { code?: string }) => error.code,
    ),
  );
  expect(fromMemory).toBe('login_required');

  // The tenant's session is still there (the logout did not visit it): no login form this time.
  await other.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(status(other)).toHaveText('authenticated');
  const next = await readStoredSession(page);
  expect(next.dpopKey?.publicX).toEqual(expect.any(String));
  expect(next.dpopKey?.publicX).not.toBe(before.dpopKey?.publicX);
});

test.describe('a tenant that requires DPoP nonces', () => {
  let tenant: Awaited<ReturnType<typeof startTenant>>;

  test.beforeAll(async () => {
    const origin = `http://127.0.0.1:${corePagePort}`;
    const urls = [origin, `${origin}/`];
    tenant = await startTenant({
      port: 0,
      config: {
        ttl: { accessToken: 3600 },
        dpop: { enabled: true, require_nonce: true },
        clients: [
          { client_id: 'sesame-spa', callbacks: urls, allowed_logout_urls: urls, web_origins: [origin] },
        ],
      },
    });
  });
  test.afterAll(async () => {
    await tenant?.stop();
  });

  test('the first token request is answered use_dpop_nonce and retried once with the nonce; the next carries it at once', async ({
    page,
  }) => {
    const answers = tokenAnswers(page);
    await openCorePage(page, { domain: tenant.url.replace(/\/$/, ''), dpop: true });
    await loginWithRedirect(page);
    await expect.poll(() => answers).toEqual(['400 use_dpop_nonce', '200']);
    const stored = await readStoredSession(page);
    expect(stored.tokens.map((token) => token.tokenType.toLowerCase())).toEqual(['dpop']);

    // The handle remembered the tenant's nonce: a refresh goes through in one request.
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.locator('#log')).toContainText('token refreshed');
    await expect.poll(() => answers).toEqual(['400 use_dpop_nonce', '200', '200']);
  });
});
