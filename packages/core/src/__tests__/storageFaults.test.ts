import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import type { AuthClient } from '../types.js';
import { type FakeServer, signIn, testBed, urlCatcher } from './helpers/fakeServer.js';
import { faultyIndexedDB, silentIndexedDB, throwingIndexedDB } from './helpers/faultyIndexedDB.js';

let server: FakeServer;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  ({ server } = await testBed());
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A page of the app on IndexedDB (the global one, as a browser has it). */
const page = () => createAuthClient(server.options({ storage: 'indexeddb' }));

/** idbStorage's default bound on opening the database (createAuthClient keeps the default). */
const IDB_BOUND_MS = 3000;
/**
 * Passes the storage's bound on a fake clock (`setTimeout` only, installed before the page was
 * created, which is when the storage starts opening) instead of waiting it out: an IndexedDB that
 * never answers is given up on then. Nothing else of these tests waits as long (a request's
 * deadline is 10 s), so the fake clock decides nothing but the bound.
 */
const passIdbBound = () => vi.advanceTimersByTimeAsync(IDB_BOUND_MS);
const fakeTimeouts = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

// Up to the storage's bound (3 s) and more: an IndexedDB that never answers is given up on then.
const settled = (client: AuthClient) =>
  vi.waitFor(
    () => {
      if (client.getSnapshot().status === 'loading') throw new Error('still loading');
      return client.getSnapshot();
    },
    { timeout: 8000 },
  );

/** Writes `value` under `key` in the client's database, as an older version or a bug would have. */
async function plant(idb: ReturnType<typeof faultyIndexedDB>, key: string, value: unknown) {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const request = idb.factory.open('sesame:client-1');
    request.onupgradeneeded = () => request.result.createObjectStore('session');
    request.onsuccess = () => resolve(request.result);
  });
  await new Promise((resolve) => {
    const tx = db.transaction('session', 'readwrite');
    tx.objectStore('session').put(value, key);
    tx.oncomplete = resolve;
  });
  db.close();
}

describe('storage faults', () => {
  describe('IndexedDB unavailable: a redirect login still works (the transaction survives the navigation)', () => {
    it.each([
      ['missing', undefined],
      ['throwing on open', throwingIndexedDB],
      ['never answering', silentIndexedDB],
    ])(
      '%s',
      async (_, indexedDB) => {
        if (indexedDB) vi.stubGlobal('indexedDB', indexedDB);
        fakeTimeouts();
        const before = page();
        await passIdbBound();
        expect((await settled(before)).status).toBe('unauthenticated');
        const browser = urlCatcher();
        await before.loginWithRedirect({ openUrl: browser.open, appState: { to: '/x' } });
        // The redirect: a new page, nothing of the old one's memory; the callback handled at once.
        const after = page();
        const handled = after.handleRedirectCallback(server.callbackUrl(browser.url));
        await passIdbBound();
        expect(await handled).toEqual({
          appState: { to: '/x' },
        });
        expect(after.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
        // Consumed: nothing of the transaction is left in sessionStorage.
        expect(sessionStorage.length).toBe(0);
        await expect(after.handleRedirectCallback(server.callbackUrl(browser.url))).rejects.toMatchObject({
          code: 'invalid_state',
        });
      },
      20_000,
    );
  });

  it('IndexedDB full on every write: the login is not lost to invalid_state, and the failed write is reported', async () => {
    const idb = faultyIndexedDB();
    vi.stubGlobal('indexedDB', idb.indexedDB);
    idb.faults.push({ operation: 'put', times: Number.POSITIVE_INFINITY, error: 'QuotaExceededError' });
    const browser = urlCatcher();
    await page().loginWithRedirect({ openUrl: browser.open });
    const after = page();
    await expect(after.handleRedirectCallback(server.callbackUrl(browser.url))).rejects.toMatchObject({
      code: 'storage_error',
    });
    expect(server.tokenRequests('authorization_code')).toHaveLength(1);
    expect(await after.isAuthenticated()).toBe(false);
  });

  it.each([
    ['a string', 'garbage'],
    ['an empty object', {}],
    ['an older shape', { idToken: 'x', claims: { sub: 'user-1' } }],
  ])('a stored session that is %s is discarded with a warning; a new login works', async (_, value) => {
    const idb = faultyIndexedDB();
    vi.stubGlobal('indexedDB', idb.indexedDB);
    await plant(idb, 'session', value);
    const client = page();
    expect(await settled(client)).toMatchObject({ status: 'unauthenticated', user: undefined });
    expect(String(warn.mock.calls[0]?.[0])).toContain('unexpected shape');
    await signIn(client, server);
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
  });

  it('a stored token entry of an unexpected shape is discarded, not used', async () => {
    const idb = faultyIndexedDB();
    vi.stubGlobal('indexedDB', idb.indexedDB);
    const client = page();
    await signIn(client, server);
    await plant(idb, 'token:|email offline_access openid profile', { accessToken: 42 });
    const reloaded = page();
    await expect(reloaded.getTokenSilently({ cacheMode: 'cache-only' })).rejects.toMatchObject({
      code: 'login_required',
    });
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain('unexpected shape');
  });

  it('one failed clear() during logout: logout resolves and a new tab is signed out', async () => {
    const idb = faultyIndexedDB();
    vi.stubGlobal('indexedDB', idb.indexedDB);
    const client = page();
    await signIn(client, server);
    idb.faults.push({ operation: 'clear', times: 1, error: 'UnknownError' });
    await client.logout({ openUrl: false });
    expect(idb.faults[0]?.times).toBe(0);
    const newTab = page();
    expect(await settled(newTab)).toMatchObject({ status: 'unauthenticated' });
    expect(await newTab.isAuthenticated()).toBe(false);
  });

  it('clear() failing for good: logout rejects with storage_error after clearing memory and telling other tabs', async () => {
    const idb = faultyIndexedDB();
    vi.stubGlobal('indexedDB', idb.indexedDB);
    const client = page();
    await signIn(client, server);
    const otherTab = page();
    expect(await settled(otherTab)).toMatchObject({ status: 'authenticated' });
    const stop = otherTab.subscribe(() => undefined);
    idb.faults.push({ operation: 'clear', times: 2, error: 'UnknownError' });
    const browser = urlCatcher();
    await expect(client.logout({ openUrl: browser.open })).rejects.toMatchObject({ code: 'storage_error' });
    expect(browser.url).toBe(''); // not sent away with the session still stored
    expect(client.getSnapshot()).toMatchObject({
      status: 'unauthenticated',
      user: undefined,
      error: { code: 'storage_error' },
    });
    // The other tab was told, and its own clear() worked.
    await vi.waitFor(() => expect(otherTab.getSnapshot().status).toBe('unauthenticated'));
    stop();
    expect(await page().isAuthenticated()).toBe(false);
  });

  it('IndexedDB that never answers at start does not hang the app: the snapshot settles', async () => {
    vi.stubGlobal('indexedDB', silentIndexedDB);
    fakeTimeouts();
    const client = page();
    await passIdbBound();
    expect(await settled(client)).toMatchObject({ status: 'unauthenticated' });
    await expect(client.checkSession()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  }, 10_000);
});
