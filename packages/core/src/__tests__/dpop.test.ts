import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { dpop as dpopOption } from '../dpop/index.js';
import { AuthError } from '../errors/AuthError.js';
import { inTabMutex } from '../lock/inTabMutex.js';
import type { AuthClient, AuthStorage } from '../types.js';
import { dpopIgnoringFetch, thumbprint, withDpop } from './helpers/fakeDpop.js';
import { type FakeServer, signIn, testBed } from './helpers/fakeServer.js';

let server: FakeServer;
let storage: AuthStorage;
let dpop: ReturnType<typeof withDpop>;

const storedKey = () => storage.get<{ keyPair: CryptoKeyPair }>('dpop');

async function signedIn(): Promise<AuthClient> {
  const client = createAuthClient(server.options({ storage, dpop: dpopOption() }));
  await signIn(client, server);
  return client;
}

/**
 * Stores another key under the old key's id, signs `client` in, and expects every proof of that
 * login to be signed by the new key: a handle of the old key kept in memory would still sign.
 */
async function expectOnlyKeyStoredUnder(id: string, client: AuthClient) {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  await storage.set('dpop', { id, keyPair });
  const before = dpop.proofs.length;
  await signIn(client, server);
  const used = new Set(dpop.proofs.slice(before).map((p) => p.jkt));
  expect(used).toEqual(new Set([await thumbprint(keyPair.publicKey)]));
}

beforeEach(async () => {
  ({ server, storage } = await testBed());
  dpop = withDpop(server);
});

describe('the dpop option', () => {
  it('proves a non-extractable key in the code grant and gets DPoP-bound tokens', async () => {
    const client = await signedIn();
    const [proof] = dpop.proofs;
    expect(proof?.payload).toMatchObject({ htm: 'POST', htu: `${server.origin}/oauth/token` });
    const token = await client.getTokenSilently({ detailedResponse: true });
    expect(token.token_type.toLowerCase()).toBe('dpop');
    expect(dpop.boundTo.get(token.access_token)).toBe(proof?.jkt);
    const key = await storedKey();
    expect(key?.keyPair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', key!.keyPair.privateKey)).rejects.toThrow();
  });

  it('refreshes the bound refresh token with a proof of the same key', async () => {
    const client = await signedIn();
    const first = dpop.proofs[0]!.jkt;
    await client.getTokenSilently({ cacheMode: 'off' });
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
    expect(dpop.proofs.map((p) => p.jkt)).toEqual([first, first]);
    expect(new Set(dpop.proofs.map((p) => p.payload.jti)).size).toBe(2);
  });

  it('answers use_dpop_nonce with one more try carrying the nonce, and keeps the nonce', async () => {
    dpop.nonce = 'n-1';
    const client = await signedIn();
    expect(dpop.proofs.map((p) => p.payload.nonce)).toEqual([undefined, 'n-1']);
    await client.getTokenSilently({ cacheMode: 'off' });
    // The next request carries the remembered nonce at once: no second challenge.
    expect(dpop.proofs.map((p) => p.payload.nonce)).toEqual([undefined, 'n-1', 'n-1']);
  });

  it('tries once more only: a server whose nonce changes on every answer fails the request', async () => {
    const client = await signedIn();
    const sent = dpop.proofs.length;
    const fetch = server.fetch;
    let answers = 0;
    server.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      dpop.nonce = `n-${++answers}`;
      return fetch(input, init);
    }) as typeof globalThis.fetch;
    const failed = await createAuthClient(server.options({ storage, dpop: dpopOption() }))
      .getTokenSilently({ cacheMode: 'off' })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AuthError);
    expect((failed as AuthError).code).toBe('use_dpop_nonce');
    expect(dpop.proofs.length - sent).toBe(2);
    expect(await client.isAuthenticated()).toBe(true);
  });

  it('deletes the key on logout; the next login makes a new one', async () => {
    const client = await signedIn();
    const first = dpop.proofs[0]!.jkt;
    await client.logout({ openUrl: false });
    expect(await storedKey()).toBeUndefined();
    await signIn(client, server);
    expect(dpop.proofs.at(-1)!.jkt).not.toBe(first);
  });

  it('keeps no key in memory after logout: no proof is signed with it again', async () => {
    const client = await signedIn();
    const { id } = (await storage.get<{ id: string }>('dpop'))!;
    await client.logout({ openUrl: false });
    await expectOnlyKeyStoredUnder(id, client);
  });

  it('a logout in another tab drops the key from the memory of this tab too', async () => {
    const tabA = await signedIn();
    const tabB = createAuthClient(server.options({ storage, dpop: dpopOption() }));
    const stop = tabB.subscribe(() => undefined);
    await tabB.getTokenSilently({ cacheMode: 'off' }); // tab B signs a proof: it holds the key
    const { id } = (await storage.get<{ id: string }>('dpop'))!;
    await tabA.logout({ openUrl: false });
    await vi.waitFor(() => expect(tabB.getSnapshot().status).toBe('unauthenticated'));
    await expectOnlyKeyStoredUnder(id, tabB);
    stop();
  });

  it('makes one key for tabs that ask at the same time', async () => {
    const lock = inTabMutex();
    const tabs = [1, 2, 3].map(() => createAuthClient(server.options({ storage, lock, dpop: dpopOption() })));
    await Promise.all(tabs.map((tab) => signIn(tab, server)));
    expect(new Set(dpop.proofs.map((p) => p.jkt)).size).toBe(1);
  });

  it('fails with configuration_error when the server answers with a Bearer token, storing nothing', async () => {
    server.fetch = dpopIgnoringFetch(server.fetch);
    const client = createAuthClient(server.options({ storage, dpop: dpopOption() }));
    const failed = await signIn(client, server).catch((e: unknown) => e);
    expect((failed as AuthError).code).toBe('configuration_error');
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('spends the refresh token when a refresh is answered with a Bearer token: never presented again', async () => {
    let bearer = false;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await server.fetch(input, init);
      if (!bearer || !String(input).endsWith('/oauth/token') || response.status !== 200) return response;
      return Response.json({ ...(await response.json()), token_type: 'Bearer' });
    }) as typeof globalThis.fetch;
    const client = createAuthClient(
      server.options({ storage, fetch, silentAuth: false, dpop: dpopOption() }),
    );
    await signIn(client, server);
    // The server rotates the refresh token and answers with Bearer tokens (it ignored the proof).
    bearer = true;
    const failed = await client.getTokenSilently({ cacheMode: 'off' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AuthError);
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
    await client.getTokenSilently({ cacheMode: 'off' }).catch(() => undefined);
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('sends no proof when off', async () => {
    const client = createAuthClient(server.options({ storage }));
    await signIn(client, server);
    expect(dpop.proofs).toHaveLength(0);
    expect(server.tokenRequests()[0]?.headers?.has('dpop')).toBe(false);
    expect(await storedKey()).toBeUndefined();
  });
});
