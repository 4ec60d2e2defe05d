import { beforeEach, describe, expect, it } from 'vitest';
import { verifyProof, withDpop } from '../../__tests__/helpers/fakeDpop.js';
import {
  type FakeServer,
  json,
  type RecordedRequest,
  signIn,
  testBed,
} from '../../__tests__/helpers/fakeServer.js';
import { createAuthClient } from '../../createAuthClient.js';
import { dpop as dpopOption } from '../../dpop/index.js';
import { StepUpError } from '../../errors/StepUpError.js';
import type { AuthClient, AuthStorage } from '../../types.js';
import { createFetcher } from '../createFetcher.js';

let server: FakeServer;
let storage: AuthStorage;
let dpop: ReturnType<typeof withDpop>;
/** What the API answers next (default 200 `{ ok: true }`), and the requests it got. */
let api: { answers: ((request: RecordedRequest) => Response)[]; requests: RecordedRequest[] };

async function signedIn(dpopOn = false): Promise<AuthClient> {
  const client = createAuthClient(server.options({ storage, ...(dpopOn && { dpop: dpopOption() }) }));
  await signIn(client, server);
  return client;
}

beforeEach(async () => {
  ({ server, storage } = await testBed());
  dpop = withDpop(server);
  api = { answers: [], requests: [] };
  server.routes['/api/things'] = (request) => {
    api.requests.push(request);
    return api.answers.shift()?.(request) ?? json({ ok: true });
  };
});

const challenge = (status: number, value: string) => () =>
  new Response(null, { status, headers: { 'www-authenticate': value } });

describe('createFetcher', () => {
  it('sends the access token as Bearer to an allowed origin', async () => {
    const client = await signedIn();
    const fetcher = createFetcher(client, { baseUrl: server.origin });
    const response = await fetcher('/api/things', { method: 'post', body: 'x=1' });
    expect(await response.json()).toEqual({ ok: true });
    const token = await client.getTokenSilently();
    expect(api.requests[0]?.headers?.get('authorization')).toBe(`Bearer ${token}`);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.body.get('x')).toBe('1');
  });

  it('sends no token anywhere but the allowed origins', async () => {
    const client = await signedIn();
    const fetcher = createFetcher(client, { baseUrl: server.origin });
    const sent = server.requests.length;
    await expect(fetcher('https://evil.example/api/things')).rejects.toThrow(TypeError);
    await expect(fetcher('//evil.example/steal')).rejects.toThrow(/not an allowed origin/);
    expect(server.requests.length).toBe(sent);
  });

  it('checks its arguments', async () => {
    const client = await signedIn();
    expect(() => createFetcher(client)).toThrow(/"options.baseUrl" or "options.allowedOrigins"/);
    expect(() => createFetcher(client, { allowedOrigins: ['http://api.example'] })).toThrow(
      /allowedOrigins\[0\]/,
    );
    expect(() => createFetcher(client, { baseUrl: 'api' })).toThrow(
      /"options.baseUrl" must be an absolute URL/,
    );
    expect(() => createFetcher({} as AuthClient, { baseUrl: server.origin })).toThrow(/createAuthClient/);
  });

  it('with DPoP, sends the token as DPoP with a proof bound to method, URL and token', async () => {
    const client = await signedIn(true);
    await createFetcher(client, { allowedOrigins: [server.origin] })(`${server.origin}/api/things?page=2`, {
      method: 'DELETE',
    });
    const token = await client.getTokenSilently();
    const request = api.requests[0]!;
    expect(request.headers?.get('authorization')).toBe(`DPoP ${token}`);
    const proof = await verifyProof(
      request.headers!.get('dpop'),
      'DELETE',
      new URL(`${server.origin}/api/things`),
      token,
    );
    expect(proof.jkt).toBe(dpop.boundTo.get(token));
  });

  it('answers a use_dpop_nonce challenge with one more try carrying the nonce, never more', async () => {
    const client = await signedIn(true);
    const nonce = (status: number) => () =>
      new Response(null, {
        status,
        headers: { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'api-nonce' },
      });
    const fetcher = createFetcher(client, { baseUrl: server.origin });
    api.answers.push(nonce(401));
    expect((await fetcher('/api/things')).status).toBe(200);
    const nonces = await Promise.all(
      api.requests.map(
        async (r) =>
          (await verifyProof(r.headers!.get('dpop'), 'GET', new URL(`${server.origin}/api/things`))).payload
            .nonce,
      ),
    );
    expect(nonces).toEqual([undefined, 'api-nonce']);
    api.answers.push(nonce(401), nonce(401));
    expect((await fetcher('/api/things')).status).toBe(401);
    expect(api.requests).toHaveLength(4);
  });

  it("reads the challenge of the token's own scheme when the API sends a Bearer and a DPoP one (RFC 9449 §7.2)", async () => {
    const both = (bearer: string, dpopChallenge: string) => () =>
      new Response(null, {
        status: 401,
        headers: { 'www-authenticate': `${bearer}, ${dpopChallenge}`, 'dpop-nonce': 'api-nonce' },
      });
    const bound = createFetcher(await signedIn(true), { baseUrl: server.origin });
    api.answers.push(both('Bearer realm="api"', 'DPoP algs="ES256", error="use_dpop_nonce"'));
    expect((await bound('/api/things')).status).toBe(200);
    expect(api.requests).toHaveLength(2);
    // A Bearer token: the DPoP challenge (first) says nothing about it; the Bearer one asks for a refresh.
    api.requests.length = 0;
    const bearer = createFetcher(await signedIn(), { baseUrl: server.origin });
    api.answers.push(both('DPoP algs="ES256"', 'Bearer error="invalid_token"'));
    expect((await bearer('/api/things')).status).toBe(200);
    expect(api.requests).toHaveLength(2);
  });

  it('answers invalid_token with one forced refresh and one more try, never more', async () => {
    const client = await signedIn();
    const fetcher = createFetcher(client, { baseUrl: server.origin });
    const before = await client.getTokenSilently();
    api.answers.push(challenge(401, 'Bearer error="invalid_token"'));
    expect((await fetcher('/api/things')).status).toBe(200);
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
    const after = await client.getTokenSilently();
    expect(after).not.toBe(before);
    expect(api.requests.map((r) => r.headers?.get('authorization'))).toEqual([
      `Bearer ${before}`,
      `Bearer ${after}`,
    ]);
    api.answers.push(
      challenge(401, 'Bearer error="invalid_token"'),
      challenge(401, 'Bearer error="invalid_token"'),
    );
    expect((await fetcher('/api/things')).status).toBe(401);
    expect(server.tokenRequests('refresh_token')).toHaveLength(2);
    expect(api.requests).toHaveLength(4);
  });

  it('rejects with a StepUpError carrying what the API asked for', async () => {
    const client = await signedIn();
    const fetcher = createFetcher(client, { baseUrl: server.origin });
    api.answers.push(challenge(403, 'Bearer error="insufficient_scope", scope="write:things"'));
    const scope = await fetcher('/api/things').catch((e: unknown) => e);
    expect(scope).toBeInstanceOf(StepUpError);
    expect(scope).toMatchObject({ code: 'insufficient_scope', scope: 'write:things' });
    api.answers.push(
      challenge(401, 'Bearer error="insufficient_user_authentication", acr_values="mfa", max_age="300"'),
    );
    const stronger = await fetcher('/api/things').catch((e: unknown) => e);
    expect(stronger).toMatchObject({
      code: 'insufficient_user_authentication',
      acrValues: 'mfa',
      maxAge: 300,
    });
  });

  it('passes other answers through as they came', async () => {
    const client = await signedIn();
    api.answers.push(() => json({ error: 'nope' }, 404), challenge(401, 'Bearer realm="api"'));
    const fetcher = createFetcher(client, { baseUrl: server.origin });
    expect((await fetcher('/api/things')).status).toBe(404);
    expect((await fetcher('/api/things')).status).toBe(401);
    expect(api.requests).toHaveLength(2);
  });
});
