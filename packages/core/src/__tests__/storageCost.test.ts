import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { idbStorage } from '../storage/idbStorage.js';
import type { AuthClient } from '../types.js';
import {
  createFakeServer,
  DEFAULT_TOKEN_KEY,
  type FakeServer,
  signIn,
  testBed,
} from './helpers/fakeServer.js';

// What a refresh and a start-up cost in IndexedDB transactions and key imports (issue #14): the
// transactions are counted on a real IndexedDB implementation (fake-indexeddb), by their mode.

let server: FakeServer;
let transactions: string[];
let tests = 0;

/** A page of the app: a client on the IndexedDB storage. */
const page = (): AuthClient => createAuthClient(server.options({ storage: 'indexeddb' }));

beforeEach(async () => {
  // A client id per test: the clients of earlier tests hear nothing of this one's (tab sync).
  server = await createFakeServer({ now: (await testBed()).clock.now, clientId: `client-${++tests}` });
  vi.stubGlobal('indexedDB', new IDBFactory());
  transactions = [];
  const transaction = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    transactions.push(args[1] ?? 'readonly');
    return transaction.apply(this, args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a forced refresh', () => {
  it('costs two transactions: the re-read with its write-ahead record, then the session with its token', async () => {
    const client = page();
    await signIn(client, server);
    await client.getTokenSilently({ cacheMode: 'off' });
    transactions = [];
    const token = await client.getTokenSilently({ cacheMode: 'off' });
    expect(server.tokenRequests('refresh_token')).toHaveLength(2);
    expect(transactions).toEqual(['readwrite', 'readwrite']);
    // Both writes landed: another tab reads the new token and the session, the record settled.
    const other = idbStorage(server.clientId);
    expect(await other.get(DEFAULT_TOKEN_KEY)).toEqual(expect.objectContaining({ accessToken: token }));
    expect(await other.get(DEFAULT_TOKEN_KEY)).not.toHaveProperty('unanswered');
    expect(await other.get('session')).toMatchObject({ idToken: (await client.getIdTokenClaims())?.__raw });
  });

  it('has committed its write-ahead record when the request reaches the server', async () => {
    const client = page();
    await signIn(client, server);
    let seenByAnotherTab: unknown;
    server.next.push(async (request) => {
      seenByAnotherTab = await idbStorage(server.clientId).get(DEFAULT_TOKEN_KEY);
      return server.token(request);
    });
    await client.getTokenSilently({ cacheMode: 'off' });
    expect(seenByAnotherTab).toMatchObject({ unanswered: 1 });
    expect(await idbStorage(server.clientId).get(DEFAULT_TOKEN_KEY)).not.toHaveProperty('unanswered');
  });

  it('imports no key after the first one: the JWKS key is reused', async () => {
    const client = page();
    await signIn(client, server);
    await client.getTokenSilently({ cacheMode: 'off' });
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    await client.getTokenSilently({ cacheMode: 'off' });
    await client.getTokenSilently({ cacheMode: 'off' });
    expect(server.tokenRequests('refresh_token')).toHaveLength(3);
    expect(importKey).not.toHaveBeenCalled();
  });
});

describe('a start-up with a stored session', () => {
  it('reads the session and the default tokens in one transaction; the first token needs no other', async () => {
    const first = page();
    await signIn(first, server);
    const stored = await first.getTokenSilently();
    transactions = [];
    const client = page();
    expect(await client.getTokenSilently()).toBe(stored);
    expect(client.getSnapshot().status).toBe('authenticated');
    expect(transactions).toEqual(['readonly']);
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it("a first visit's checkSession() settles on the start-up read alone: one transaction", async () => {
    const client = page();
    await client.checkSession();
    expect(client.getSnapshot().status).toBe('unauthenticated');
    // Besides the database's creation (its upgrade transaction).
    expect(transactions.filter((mode) => mode !== 'versionchange')).toEqual(['readonly']);
    expect(server.requests).toEqual([]);
  });

  it('has begun opening IndexedDB when createAuthClient() returns', () => {
    const open = vi.spyOn(IDBFactory.prototype, 'open');
    page();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('in OIDC mode, reads the stored discovery document in that transaction: a refresh then reads it no more', async () => {
    const oidc = () =>
      createAuthClient(server.options({ storage: 'indexeddb', domain: undefined, issuer: server.issuer }));
    await signIn(oidc(), server);
    transactions = [];
    const client = oidc();
    await client.getTokenSilently({ cacheMode: 'off' });
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
    // The start-up's read, then the refresh's two (its re-read with the write-ahead record, the new tokens).
    expect(transactions).toEqual(['readonly', 'readwrite', 'readwrite']);
    expect(server.requests.filter((r) => r.path === '/.well-known/openid-configuration')).toHaveLength(1);
  });
});
