import { describe, expect, it } from 'vitest';
import { verifyProof } from '../../__tests__/helpers/fakeDpop.js';
import { memoryStorage } from '../../storage/memoryStorage.js';
import type { AuthLock, AuthStorage } from '../../types.js';
import { DPOP_KEY, dpopProofs } from '../dpopProofs.js';

const NOW = 1_700_000_000_123;
const decode = (part: string) =>
  JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;

function setup(storage: AuthStorage = memoryStorage()) {
  const locks: string[] = [];
  const lock: AuthLock = {
    run: (name, task) => {
      locks.push(name);
      return task();
    },
  };
  let n = 0;
  const proofs = dpopProofs(
    { clientId: 'client-1', now: () => NOW, random: () => `jti-${++n}` },
    storage,
    lock,
  );
  return { proofs, storage, locks };
}

const answer = (status: number, headers: Record<string, string> = {}, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers });

describe('dpopProofs (RFC 9449)', () => {
  it('signs proofs with typ dpop+jwt, ES256 and the public JWK only (§4.2)', async () => {
    const { proofs } = setup();
    const url = new URL('https://op.example/oauth/token');
    const proof = await proofs.proof('POST', url);
    const [header = '', payload = ''] = proof.split('.');
    expect(Object.keys(decode(header)).sort()).toEqual(['alg', 'jwk', 'typ']);
    expect(decode(header)).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' });
    expect(Object.keys(decode(header).jwk as object).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(decode(payload)).toEqual({
      iat: Math.floor(NOW / 1000),
      jti: 'jti-2',
      htm: 'POST',
      htu: url.href,
    });
    await verifyProof(proof, 'POST', url);
  });

  it('keeps a non-extractable key in storage, made once under the lock, and shared by instances (property 12)', async () => {
    const { proofs, storage, locks } = setup();
    const url = new URL('https://op.example/t');
    const first = await verifyProof(await proofs.proof('POST', url), 'POST', url);
    const stored = await storage.get<{ keyPair: CryptoKeyPair }>(DPOP_KEY);
    expect(stored?.keyPair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored!.keyPair.privateKey)).rejects.toThrow();
    expect(locks).toEqual(['sesame:client-1:dpop']);
    const other = setup(storage);
    const again = await verifyProof(await other.proofs.proof('POST', url), 'POST', url);
    expect(again.jkt).toBe(first.jkt);
    expect(other.locks).toEqual([]);
  });

  it('binds htm and htu without query or fragment, and a fresh jti each time', async () => {
    const { proofs } = setup();
    const url = new URL('https://api.example:8443/v1/things?secret=1#frag');
    const a = await verifyProof(await proofs.proof('PATCH', url), 'PATCH', url);
    const b = await verifyProof(await proofs.proof('PATCH', url), 'PATCH', url);
    expect(a.payload.htu).toBe('https://api.example:8443/v1/things');
    expect(a.payload.jti).not.toBe(b.payload.jti);
  });

  it('carries ath = base64url(SHA-256(access token)) with a token (§4.2, RFC 9449 Figure 13)', async () => {
    const { proofs } = setup();
    const url = new URL('https://api.example/r');
    const token = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU';
    const { payload } = await verifyProof(await proofs.proof('GET', url, token), 'GET', url, token);
    expect(payload.ath).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
    const [, withoutToken = ''] = (await proofs.proof('GET', url)).split('.');
    expect(decode(withoutToken)).not.toHaveProperty('ath');
  });

  it("keeps each origin's latest nonce for that origin only, and forget() drops them", async () => {
    const { proofs } = setup();
    const as = new URL('https://op.example/oauth/token');
    const api = new URL('https://api.example/things');
    await proofs.proof('POST', as);
    proofs.remember(as, answer(400, { 'dpop-nonce': 'as-1' }));
    proofs.remember(new URL('https://op.example/other'), answer(200, { 'dpop-nonce': 'as-2' }));
    proofs.remember(api, answer(200));
    const nonceOf = async (url: URL) =>
      (await verifyProof(await proofs.proof('GET', url), 'GET', url)).payload.nonce;
    expect(await nonceOf(as)).toBe('as-2');
    expect(await nonceOf(api)).toBeUndefined();
    proofs.remember(api, answer(401, { 'dpop-nonce': 'api-1' }));
    expect(await nonceOf(api)).toBe('api-1');
    expect(await nonceOf(as)).toBe('as-2');
    proofs.forget();
    expect(await nonceOf(as)).toBeUndefined();
  });

  it('needsNonce: true for use_dpop_nonce in a 400 body or a 401 challenge, false otherwise', async () => {
    const { proofs } = setup();
    expect(await proofs.needsNonce(answer(400, {}, { error: 'use_dpop_nonce' }))).toBe(true);
    expect(await proofs.needsNonce(answer(401, { 'www-authenticate': 'DPoP error="use_dpop_nonce"' }))).toBe(
      true,
    );
    expect(await proofs.needsNonce(answer(400, {}, { error: 'invalid_grant' }))).toBe(false);
    expect(await proofs.needsNonce(answer(500, {}, { error: 'use_dpop_nonce' }))).toBe(false);
    expect(await proofs.needsNonce(answer(200, {}, { access_token: 'a', token_type: 'DPoP' }))).toBe(false);
    // The challenge's own "error", not a look-alike inside another parameter.
    const lookAlike = 'DPoP error="invalid_token", x_error="use_dpop_nonce"';
    expect(await proofs.needsNonce(answer(401, { 'www-authenticate': lookAlike }))).toBe(false);
  });

  it('needsNonce leaves the body unread for the caller', async () => {
    const { proofs } = setup();
    const response = answer(400, {}, { error: 'use_dpop_nonce' });
    await proofs.needsNonce(response);
    expect(await response.json()).toEqual({ error: 'use_dpop_nonce' });
  });

  it('retried() sends once more on use_dpop_nonce, and never more than twice', async () => {
    const { proofs } = setup();
    const sent: number[] = [];
    const always = () => {
      sent.push(sent.length);
      return Promise.resolve(answer(400, {}, { error: 'use_dpop_nonce' }));
    };
    expect((await proofs.retried(always)).status).toBe(400);
    expect(sent).toHaveLength(2);
    sent.length = 0;
    const ok = () => {
      sent.push(sent.length);
      return Promise.resolve(answer(200, {}, { access_token: 'a', token_type: 'DPoP' }));
    };
    expect((await proofs.retried(ok)).status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(await proofs.retried(async () => 'not a response')).toBe('not a response');
  });

  it('tokenFetch: proves POSTs to the token endpoint, retries with the nonce once, passes anything else through', async () => {
    const { proofs } = setup();
    const requests: { url: string; init: RequestInit }[] = [];
    const answers = [answer(400, { 'dpop-nonce': 'n-1' }, { error: 'use_dpop_nonce' })];
    const fetch = (async (url: string, init: RequestInit = {}) => {
      requests.push({ url, init });
      return answers.shift() ?? answer(200, {}, { access_token: 'a', token_type: 'DPoP' });
    }) as typeof globalThis.fetch;
    const endpoint = 'https://op.example/oauth/token';
    const wrapped = proofs.tokenFetch(fetch, endpoint);
    const body = JSON.stringify({ grant_type: 'password' });
    expect(
      (await wrapped(endpoint, { method: 'POST', body, headers: { 'content-type': 'application/json' } }))
        .status,
    ).toBe(200);
    expect(requests).toHaveLength(2);
    const [first, second] = await Promise.all(
      requests.map(({ init }) =>
        verifyProof(new Headers(init.headers).get('dpop'), 'POST', new URL(endpoint)),
      ),
    );
    expect([first?.payload.nonce, second?.payload.nonce]).toEqual([undefined, 'n-1']);
    expect(new Headers(requests[1]?.init.headers).get('content-type')).toBe('application/json');
    expect(requests[1]?.init.body).toBe(body);
    requests.length = 0;
    await wrapped('https://op.example/userinfo', { method: 'GET' });
    await wrapped(endpoint, { method: 'GET' });
    expect(requests.map(({ init }) => new Headers(init.headers).has('dpop'))).toEqual([false, false]);
  });
});
