import { describe, expect, it } from 'vitest';
import { verifyProof } from '../../__tests__/helpers/fakeDpop.js';
import { dpopProofs } from '../../dpop/dpopProofs.js';
import { AuthError } from '../../errors/AuthError.js';
import { memoryStorage } from '../../storage/memoryStorage.js';
import { endpointOf, type HttpOptions, tokenRequest } from '../tokenRequest.js';
import type { AuthorizationServer } from '../types.js';

const AS: AuthorizationServer = {
  issuer: 'https://op.example/',
  token_endpoint: 'https://op.example/oauth/token',
};

/** A fetch that records its requests and answers with `answers` in turn (then a 200). */
function recorder(...answers: (() => Response)[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return answers.shift()?.() ?? Response.json({ access_token: 'a', token_type: 'DPoP' });
  }) as typeof globalThis.fetch;
  return { requests, fetch };
}

const http = (fetch: typeof globalThis.fetch, more: Partial<HttpOptions> = {}): HttpOptions => ({
  fetch,
  signal: new AbortController().signal,
  ...more,
});

const proofs = () =>
  dpopProofs(
    { clientId: 'client-1', now: () => 1_700_000_000_000, random: () => crypto.randomUUID() },
    memoryStorage(),
    {
      run: (_name, task) => task(),
    },
  );

describe('tokenRequest (RFC 6749 §3.2, §4.1.3)', () => {
  it('POSTs the grant as a form with client_id, asking for JSON, without following redirects', async () => {
    const { requests, fetch } = recorder();
    const signal = new AbortController().signal;
    const parameters = {
      grant_type: 'authorization_code',
      code: 'c0de',
      redirect_uri: 'https://app.example/cb',
      code_verifier: 'v',
    };
    const response = await tokenRequest(AS, 'client-1', parameters, { fetch, signal });
    expect(response.status).toBe(200);
    const [request] = requests;
    expect(request?.url).toBe('https://op.example/oauth/token');
    expect(request?.init).toMatchObject({ method: 'POST', redirect: 'manual', signal });
    const headers = new Headers(request?.init.headers);
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(headers.has('dpop')).toBe(false);
    expect(headers.has('authorization')).toBe(false);
    expect(Object.fromEntries(request?.init.body as URLSearchParams)).toEqual({
      ...parameters,
      client_id: 'client-1',
    });
  });

  it("sends the client's own client_id, whatever the parameters say", async () => {
    const { requests, fetch } = recorder();
    await tokenRequest(
      AS,
      'client-1',
      { grant_type: 'refresh_token', refresh_token: 'r', client_id: 'evil' },
      http(fetch),
    );
    expect(new URLSearchParams(requests[0]?.init.body as URLSearchParams).getAll('client_id')).toEqual([
      'client-1',
    ]);
  });

  it('refuses a plain-http, relative or missing token endpoint before sending anything, unless http is allowed', async () => {
    const { requests, fetch } = recorder();
    for (const token_endpoint of [
      'http://op.example/oauth/token',
      '/oauth/token',
      undefined,
      'javascript:alert(1)',
    ]) {
      const error = await tokenRequest(
        { ...AS, token_endpoint },
        'c',
        { grant_type: 'x' },
        http(fetch),
      ).catch((e) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(/"token_endpoint" is not an https URL/);
    }
    expect(requests).toEqual([]);
    const local = { ...AS, token_endpoint: 'http://localhost:3000/oauth/token' };
    await tokenRequest(local, 'c', { grant_type: 'x' }, http(fetch, { allowInsecure: true }));
    expect(requests.map(({ url }) => url)).toEqual(['http://localhost:3000/oauth/token']);
    expect(() =>
      endpointOf(
        { ...AS, token_endpoint: 'ftp://op.example/t' },
        'token_endpoint',
        http(fetch, { allowInsecure: true }),
      ),
    ).toThrow(AuthError);
  });

  it('with DPoP, sends a proof for POST to the endpoint, and the nonce of the answer in the next proof', async () => {
    const nonceAnswer = () =>
      Response.json({ error: 'use_dpop_nonce' }, { status: 400, headers: { 'dpop-nonce': 'n-1' } });
    const { requests, fetch } = recorder(nonceAnswer);
    const dpop = proofs();
    const url = new URL(AS.token_endpoint as string);
    expect((await tokenRequest(AS, 'c', { grant_type: 'refresh_token' }, http(fetch, { dpop }))).status).toBe(
      400,
    );
    await tokenRequest(AS, 'c', { grant_type: 'refresh_token' }, http(fetch, { dpop }));
    const [first, second] = await Promise.all(
      requests.map(({ init }) => verifyProof(new Headers(init.headers).get('dpop'), 'POST', url)),
    );
    expect(first?.payload.nonce).toBeUndefined();
    expect(second?.payload.nonce).toBe('n-1');
    expect(first?.jkt).toBe(second?.jkt);
  });
});
