import type { Page } from '@playwright/test';
import { type RunningDemoApi, startDemoApi } from '../../apps/demo-api/src/index.js';
import { corePageUrl, loginWithRedirect, openCorePage } from '../support/corePage.js';
import { proofWithOwnKey } from '../support/dpopProof.js';
import { pageOrigins } from '../support/ports.js';
import { expect, test as shapeTest } from '../support/shape.js';
import { readStoredSession } from '../support/storedSession.js';

// A token copied out of IndexedDB (what an XSS or a compromised dependency can read) and used in
// another browser context: with DPoP on, the tenant refuses the refresh token and the demo API the
// access token, even with a proof of the thief's own key; with DPoP off the same copy works. Each
// run also shows the copied tokens were alive: the page they came from calls the API and
// refreshes with them.

/** The demo API, started per test against the shape's tenant (it accepts that tenant's tokens). */
const test = shapeTest.extend<{ api: RunningDemoApi }>({
  api: async ({ tenant }, use) => {
    const api = await startDemoApi({ tenantUrl: tenant.url, port: 0, origins: pageOrigins });
    await use(api);
    await api.stop();
  },
});

/** The core page's authorization parameters plus the scope the demo API wants. */
const forTheApi = {
  redirect_uri: corePageUrl(),
  audience: 'https://api.sesame.test',
  scope: 'openid profile email read:messages',
};

/** An answer as the test compares it: the status and the OAuth `error` or the API's `message`. */
interface Answer {
  status: number;
  error?: string;
  description?: string;
  message?: string;
  tokenType?: string;
}

/**
 * Calls the API from the page that logged in, through `createFetcher` (Bearer or DPoP as the
 * client is): the status and what the API says it checked (its second message).
 */
const callApiFromClient = (page: Page, apiUrl: string) =>
  page.evaluate(async (baseUrl) => {
    const api = window.sesame.createFetcher(window.sesame.client, { baseUrl });
    const response = await api('/api/messages');
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    return { status: response.status, checked: messages[1]?.text };
  }, apiUrl);

/**
 * In the thief's page: the copied refresh token at the tenant and the copied access token at the
 * API, each sent as it is (no proof) and, with `withProofs`, again with a proof of a key the thief
 * made (RFC 9449 proofs, as a DPoP client sends them).
 */
async function presentCopies(
  page: Page,
  copied: { accessToken: string; refreshToken: string },
  urls: { token: string; api: string },
  withProofs: boolean,
): Promise<Partial<Record<'refresh' | 'refreshWithProof' | 'api' | 'apiWithProof', Answer>>> {
  const proof = (htm: string, htu: string, accessToken?: string) =>
    page.evaluate(proofWithOwnKey, { htm, htu, ...(accessToken && { accessToken }) });
  const send = (input: {
    url: string;
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
  }) =>
    page.evaluate(async ({ url, method, headers, body }): Promise<Answer> => {
      const response = await fetch(url, { method, headers, body });
      const json = await response.json().catch(() => ({}));
      return {
        status: response.status,
        error: json.error,
        description: json.error_description,
        message: json.message,
        tokenType: json.token_type,
      };
    }, input);
  const refresh = async (dpop?: string) =>
    send({
      url: urls.token,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(dpop && { dpop }) },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'sesame-spa',
        refresh_token: copied.refreshToken,
      }).toString(),
    });
  const api = async (scheme: 'Bearer' | 'DPoP', dpop?: string) =>
    send({
      url: urls.api,
      method: 'GET',
      headers: { authorization: `${scheme} ${copied.accessToken}`, ...(dpop && { dpop }) },
    });
  if (!withProofs) return { refresh: await refresh(), api: await api('Bearer') };
  return {
    refresh: await refresh(),
    refreshWithProof: await refresh(await proof('POST', urls.token)),
    api: await api('Bearer'),
    apiWithProof: await api('DPoP', await proof('GET', urls.api, copied.accessToken)),
  };
}

for (const dpop of [true, false]) {
  test(`tokens copied out of IndexedDB into another browser context, DPoP ${dpop ? 'on: refused' : 'off: accepted'} @production`, async ({
    page,
    browser,
    tenant,
    shapeOptions,
    api,
  }) => {
    await openCorePage(page, { ...shapeOptions, dpop, authorizationParams: forTheApi });
    await loginWithRedirect(page);
    const answer = await callApiFromClient(page, api.url);
    expect(answer.status).toBe(200);
    // The API says whether it checked a DPoP proof.
    expect(answer.checked?.includes('the DPoP proof sent with it')).toBe(dpop);

    const stored = await readStoredSession(page);
    const [token] = stored.tokens;
    expect(stored.tokens).toHaveLength(1);
    expect(token?.tokenType.toLowerCase()).toBe(dpop ? 'dpop' : 'bearer');
    expect(stored.keys.includes('dpop')).toBe(dpop);
    const copied = { accessToken: token?.accessToken ?? '', refreshToken: token?.refreshToken ?? '' };
    expect(copied.refreshToken).not.toBe('');

    // The thief: another browser context (no cookies, no IndexedDB of the victim's) on a page of the
    // same origin, so CORS lets its requests through and only the key can tell them apart.
    const thief = await browser.newContext();
    const thiefPage = await thief.newPage();
    await thiefPage.goto(corePageUrl());
    const answers = await presentCopies(
      thiefPage,
      copied,
      {
        token: new URL('oauth/token', tenant.url).href,
        api: `${api.url}/api/messages`,
      },
      dpop,
    );
    await thief.close();

    if (dpop) {
      expect(answers).toEqual({
        refresh: { status: 403, error: 'invalid_grant', description: expect.any(String) },
        refreshWithProof: { status: 403, error: 'invalid_grant', description: expect.any(String) },
        api: {
          status: 401,
          error: 'invalid_token',
          message: expect.stringContaining('DPoP-bound'),
        },
        apiWithProof: {
          status: 401,
          error: 'invalid_dpop_proof',
          message: expect.stringContaining('cnf.jkt'),
        },
      });
    } else {
      expect(answers).toEqual({ refresh: { status: 200, tokenType: 'Bearer' }, api: { status: 200 } });
    }

    // The copies were alive: with DPoP the page they came from still refreshes with the same
    // refresh token and calls the API (without DPoP the thief's refresh rotated it away).
    if (dpop) {
      await page.evaluate(() => window.sesame.client.getTokenSilently({ cacheMode: 'off' }));
      expect((await readStoredSession(page)).tokens[0]?.refreshToken).not.toBe(copied.refreshToken);
      expect((await callApiFromClient(page, api.url)).status).toBe(200);
    }
  });
}
