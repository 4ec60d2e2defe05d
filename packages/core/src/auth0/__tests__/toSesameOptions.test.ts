import { describe, expect, it } from 'vitest';
import { createFakeServer, fakeClock, urlCatcher } from '../../__tests__/helpers/fakeServer.js';
import { ownGlobalIndexedDB } from '../../__tests__/helpers/faultyIndexedDB.js';
import { createAuthClient } from '../../createAuthClient.js';
import { toSesameOptions } from '../toSesameOptions.js';

ownGlobalIndexedDB();

const base = { domain: 'example.eu.auth0.com', clientId: 'abc' };

describe('toSesameOptions', () => {
  it("gives an auth0 app auth0's defaults: memory, no refresh tokens, the iframe", () => {
    expect(toSesameOptions(base)).toMatchObject({
      domain: 'example.eu.auth0.com',
      clientId: 'abc',
      useRefreshTokens: false,
      silentAuth: true,
    });
  });

  it("keeps tokens in memory and a redirect's transaction where the core keeps it for memory storage: this tab's sessionStorage", async () => {
    const clock = fakeClock();
    const server = await createFakeServer({ now: clock.now, clientId: 'memory-test' });
    sessionStorage.clear();
    const page = () =>
      createAuthClient({
        ...toSesameOptions({ domain: server.origin, clientId: 'memory-test' }),
        fetch: server.fetch,
        now: clock.now,
      });
    const browser = urlCatcher();
    await page().loginWithRedirect({ openUrl: browser.open });
    const state = new URL(browser.url).searchParams.get('state');
    // One rule for memory storage, the core's: no IndexedDB database, the transaction in this tab.
    expect(Object.keys(sessionStorage)).toEqual([`sesame:tx:memory-test:${state}`]);
    expect(await indexedDB.databases()).toEqual([]);
    // The page after the navigation to /authorize and back: a new client, a new memory.
    const afterNavigation = page();
    await afterNavigation.handleRedirectCallback(server.callbackUrl(browser.url));
    expect(afterNavigation.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
    expect(sessionStorage.length).toBe(0);
    expect(await indexedDB.databases()).toEqual([]);
  });

  it('with refresh tokens on, falls back to the iframe only with useRefreshTokensFallback', () => {
    expect(toSesameOptions({ ...base, useRefreshTokens: true })).toMatchObject({
      useRefreshTokens: true,
      silentAuth: false,
    });
    expect(
      toSesameOptions({ ...base, useRefreshTokens: true, useRefreshTokensFallback: true }),
    ).toMatchObject({
      silentAuth: true,
    });
  });

  it('keeps a localstorage session in IndexedDB, never in web storage', () => {
    expect(toSesameOptions({ ...base, cacheLocation: 'localstorage' }).storage).toBe('indexeddb');
    expect(() => toSesameOptions({ ...base, cacheLocation: 'session' as never })).toThrow(/cacheLocation/);
  });

  it('passes timeouts, leeway and scope through, and ignores the cookie and worker options', () => {
    const options = toSesameOptions({
      ...base,
      leeway: 5,
      authorizeTimeoutInSeconds: 7,
      httpTimeoutInSeconds: 3,
      authorizationParams: { scope: 'openid read:x', audience: 'https://api' },
      cookieDomain: '.example.com',
      useCookiesForTransactions: true,
      workerUrl: '/worker.js',
      useFormData: false,
    });
    expect(options).toEqual({
      domain: 'example.eu.auth0.com',
      clientId: 'abc',
      authorizationParams: { scope: 'openid read:x', audience: 'https://api' },
      useRefreshTokens: false,
      silentAuth: true,
      leeway: 5,
      authorizeTimeoutInSeconds: 7,
      httpTimeoutInSeconds: 3,
      storage: 'memory',
      now: undefined,
    });
  });

  it.each([
    ['useDpop', true, /DPoP/],
    ['issuer', 'https://other/', /issuer option of @sesame\/react or @sesame\/vue/],
    ['useMrrt', true, /per audience and scope/],
    ['interactiveErrorHandler', 'popup', /withAuthenticationApi\(client\)\.mfa/],
    ['enterpriseConnect', true, /connection in authorizationParams/],
    ['client', {}, /AuthProvider or @sesame\/vue's createAuth with client/],
  ])('refuses %s with a TypeError naming the Sesame way', (name, value, way) => {
    const call = () => toSesameOptions({ ...base, [name]: value } as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`"options.${name}" is not supported by Sesame`));
    expect(call).toThrow(way);
  });

  it("refuses auth0-spa-js's per-audience scope object, naming the Sesame way", () => {
    const call = () =>
      toSesameOptions({ ...base, authorizationParams: { scope: { 'https://api': 'read:x' } } as never });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(/"options.authorizationParams.scope" must be a string in Sesame/);
    expect(call).toThrow(/getAccessTokenSilently\(\{ authorizationParams: \{ audience, scope \} \}\)/);
  });

  it('accepts an unsupported option turned off', () => {
    expect(() => toSesameOptions({ ...base, useDpop: false } as never)).not.toThrow();
  });

  it('refuses an asynchronous nowProvider', () => {
    expect(() => toSesameOptions({ ...base, nowProvider: (async () => 1) as never })).toThrow(
      /synchronously/,
    );
    expect(toSesameOptions({ ...base, nowProvider: () => 42 }).now?.()).toBe(42);
  });

  it('stores in a cache of your own, and logout removes every key it lists', async () => {
    const map = new Map<string, unknown>([['other', 1]]);
    const cache = {
      get: (key: string) => map.get(key) as never,
      set: (key: string, value: unknown) => void map.set(key, value),
      remove: (key: string) => void map.delete(key),
      allKeys: () => [...map.keys()],
    };
    const storage = toSesameOptions({ ...base, cache }).storage;
    if (typeof storage !== 'object') throw new Error('expected a storage object');
    await storage.set('session', { a: 1 });
    expect(await storage.get('session')).toEqual({ a: 1 });
    await storage.clear();
    expect(map.size).toBe(0);
    expect(() => toSesameOptions({ ...base, cache: { ...cache, allKeys: undefined } })).toThrow(/allKeys/);
  });
});
