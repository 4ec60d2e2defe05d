import { createStore, get, keys } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { contextOf } from '../internal.js';
import type { AuthClient, AuthClientOptions } from '../types.js';
import { createFakeServer, type FakeServer, fakeClock, signIn, urlCatcher } from './helpers/fakeServer.js';
import { ownGlobalIndexedDB } from './helpers/faultyIndexedDB.js';

ownGlobalIndexedDB();

let server: FakeServer;
let clientId: string;
let n = 0;

const settled = (client: AuthClient) =>
  vi.waitFor(() => {
    if (client.getSnapshot().status === 'loading') throw new Error('still loading');
    return client.getSnapshot();
  });

beforeEach(async () => {
  clientId = `client-${++n}`;
  server = await createFakeServer({ now: fakeClock().now, clientId });
});

describe('createAuthClient', () => {
  it.each<[string, Partial<AuthClientOptions>]>([
    ['clientId', { clientId: '' }],
    ['domain', { domain: 'http://tenant.example' }],
    ['domain', { domain: undefined }],
    ['domain', { issuer: 'https://other.example' }],
    ['leeway', { leeway: -1 }],
    ['useRefreshTokens', { useRefreshTokens: 'yes' as unknown as boolean }],
    ['storage', { storage: 'cookies' as 'memory' }],
    ['fetch', { fetch: 'fetch' as unknown as typeof fetch }],
    ['lock', { lock: {} as AuthClientOptions['lock'] }],
    // A loopback domain without its scheme: https would be guessed, and the local tenant speaks http.
    ['domain', { domain: '127.0.0.1:4000' }],
    ['domain', { domain: 'localhost:4000' }],
  ])('throws a TypeError naming "%s"', (option, bad) => {
    expect(() => createAuthClient({ ...server.options(), ...bad })).toThrow(
      expect.objectContaining({ name: 'TypeError', message: expect.stringContaining(`options.${option}`) }),
    );
  });

  it('resolves the options once into a frozen config with the defaults', () => {
    const { config } = contextOf(createAuthClient(server.options()));
    expect(Object.isFrozen(config)).toBe(true);
    expect(config).toMatchObject({
      issuer: 'https://tenant.example/',
      authorizationParams: { scope: 'openid profile email offline_access' },
      useRefreshTokens: true,
      silentAuth: true,
      leeway: 60,
      authorizeTimeoutMs: 60_000,
      httpTimeoutMs: 10_000,
    });
  });

  it('accepts plain http only for a loopback issuer (the local tenant)', async () => {
    const local = await createFakeServer({ now: Date.now, origin: 'http://127.0.0.1:4000', clientId });
    const client = createAuthClient(local.options());
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    expect(browser.url.startsWith('http://127.0.0.1:4000/authorize?')).toBe(true);
    await client.handleRedirectCallback(local.callbackUrl(browser.url));
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('is loading until the stored session is read, then unauthenticated without one', async () => {
    const client = createAuthClient(server.options());
    expect(client.getSnapshot().status).toBe('loading');
    expect((await settled(client)).status).toBe('unauthenticated');
  });

  it('keeps the session in IndexedDB: a page load with a valid token is authenticated with zero requests', async () => {
    const first = createAuthClient(server.options({ storage: 'indexeddb' }));
    await signIn(first, server);
    const token = await first.getTokenSilently();
    const sent = server.requests.length;

    const reloaded = createAuthClient(server.options({ storage: 'indexeddb' }));
    expect(await settled(reloaded)).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
    expect(await reloaded.getTokenSilently()).toBe(token);
    expect(server.requests.length).toBe(sent);
    // In a database of its own, named after the client id.
    expect(await get('session', createStore(`sesame:${clientId}`, 'session'))).toMatchObject({
      user: { sub: 'user-1' },
    });
  });

  it('keeps redirect transactions in IndexedDB only, never in web storage or cookies', async () => {
    const client = createAuthClient(server.options({ storage: 'indexeddb' }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    const stored = await keys(createStore(`sesame:${clientId}`, 'session'));
    expect(stored).toEqual([`tx:${new URL(browser.url).searchParams.get('state')}`]);
    expect(sessionStorage.length).toBe(0);
    // localStorage holds at most the sign-in hints of earlier logins ("1", never a token).
    expect(
      Object.entries(localStorage).filter(([key, value]) => !key.endsWith(':signed-in') || value !== '1'),
    ).toEqual([]);
    expect(document.cookie).toBe('');
  });
});
