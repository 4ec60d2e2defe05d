import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { AuthError } from '../errors/AuthError.js';
import type { AuthStorage } from '../types.js';
import {
  createFakeServer,
  type FakeServer,
  type fakeClock,
  testBed,
  urlCatcher,
} from './helpers/fakeServer.js';

let server: FakeServer;
let clock: ReturnType<typeof fakeClock>;
let storage: AuthStorage;

async function startLogin(appState?: unknown) {
  const client = createAuthClient(server.options({ storage }));
  const browser = urlCatcher();
  await client.loginWithRedirect({ appState, openUrl: browser.open });
  return { client, authorizeUrl: browser.url };
}

async function storedKeys(): Promise<unknown[]> {
  return Promise.all(['session', 'token:|email offline_access openid profile'].map((k) => storage.get(k)));
}

beforeEach(async () => {
  ({ clock, server, storage } = await testBed());
  history.replaceState(null, '', '/');
});

describe('handleRedirectCallback', () => {
  it('exchanges the code, stores the session, returns appState and publishes the user', async () => {
    const { client, authorizeUrl } = await startLogin({ returnTo: '/profile' });
    const result = await client.handleRedirectCallback(server.callbackUrl(authorizeUrl));
    expect(result).toEqual({ appState: { returnTo: '/profile' } });
    expect(client.getSnapshot()).toMatchObject({
      status: 'authenticated',
      user: { sub: 'user-1', name: 'Ada Lovelace' },
    });
    expect(client.getSnapshot().user).not.toHaveProperty('nonce');
    const [token] = server.tokenRequests('authorization_code');
    expect(token?.body.get('code_verifier')).toMatch(/^[\w-]{43,}$/);
    expect(await client.getTokenSilently()).toMatch(/^at-/);
  });

  it('fails a replayed callback with invalid_state and sends nothing', async () => {
    const { client, authorizeUrl } = await startLogin();
    const callback = server.callbackUrl(authorizeUrl);
    await client.handleRedirectCallback(callback);
    const sent = server.requests.length;
    await expect(client.handleRedirectCallback(callback)).rejects.toMatchObject({ code: 'invalid_state' });
    expect(server.requests.length).toBe(sent);
  });

  it('fails an unknown state with invalid_state, publishing the error', async () => {
    const client = createAuthClient(server.options({ storage }));
    await expect(
      client.handleRedirectCallback('http://localhost:3000/?code=x&state=nope'),
    ).rejects.toBeInstanceOf(AuthError);
    expect(client.getSnapshot().error?.code).toBe('invalid_state');
    expect(server.requests).toEqual([]);
  });

  it('cleans the code and state out of the address bar', async () => {
    const { client, authorizeUrl } = await startLogin();
    history.replaceState(null, '', server.callbackUrl(authorizeUrl));
    await client.handleRedirectCallback();
    expect(location.search).toBe('');
  });

  it("leaves none of the server's parameters in the address bar, only the redirect URI's own", async () => {
    const client = createAuthClient(
      server.options({ storage, authorizationParams: { redirect_uri: `${location.origin}/cb?tab=2` } }),
    );
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    const extra = {
      access_token: 'at-leaked',
      id_token: 'eyJleaked',
      token_type: 'Bearer',
      expires_in: '3600',
      session_state: 'abc.def',
      scope: 'openid',
      anything_else: 'x',
    };
    history.replaceState(null, '', `${server.callbackUrl(browser.url, extra)}#access_token=at-leaked`);
    // oauth4webapi refuses a response with an id_token (a hybrid flow): the URL is cleaned anyway.
    await expect(client.handleRedirectCallback()).rejects.toMatchObject({ code: 'invalid_response' });
    expect(location.pathname + location.search + location.hash).toBe('/cb?tab=2');
  });

  it('cleans the address bar of a response with an unknown state too', async () => {
    const client = createAuthClient(server.options({ storage }));
    history.replaceState(null, '', '/?code=code-1&state=nope&access_token=at-leaked#/route');
    await expect(client.handleRedirectCallback()).rejects.toMatchObject({ code: 'invalid_state' });
    expect(location.search + location.hash).toBe('#/route');
  });

  it('rejects a response whose iss is not the issuer and stores nothing', async () => {
    const { client, authorizeUrl } = await startLogin();
    const callback = server.callbackUrl(authorizeUrl, { iss: 'https://evil.example/' });
    await expect(client.handleRedirectCallback(callback)).rejects.toMatchObject({ code: 'invalid_response' });
    expect(server.tokenRequests()).toEqual([]);
    expect(await storedKeys()).toEqual([undefined, undefined]);
  });

  it('rejects a response with two codes', async () => {
    const { client, authorizeUrl } = await startLogin();
    const callback = `${server.callbackUrl(authorizeUrl)}&code=second`;
    await expect(client.handleRedirectCallback(callback)).rejects.toMatchObject({ code: 'invalid_response' });
    expect(server.tokenRequests()).toEqual([]);
  });

  it('surfaces an error response of the server with its code', async () => {
    const { client, authorizeUrl } = await startLogin();
    const callback = server.callbackUrl(authorizeUrl, { error: 'access_denied', error_description: 'no' });
    await expect(client.handleRedirectCallback(callback)).rejects.toMatchObject({
      code: 'access_denied',
      description: 'no',
    });
  });

  it('rejects an ID token with a wrong nonce, and stores nothing', async () => {
    const { client, authorizeUrl } = await startLogin();
    server.claims = { nonce: 'another' };
    const error = await client
      .handleRedirectCallback(server.callbackUrl(authorizeUrl))
      .catch((e: AuthError) => e);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(JSON.stringify(error)).not.toMatch(/at-|rt-|eyJ/);
    expect(String((error as Error).message)).not.toMatch(/at-|rt-|eyJ/);
    expect(await storedKeys()).toEqual([undefined, undefined]);
  });

  it('rejects an ID token for another audience', async () => {
    const { client, authorizeUrl } = await startLogin();
    server.claims = { aud: 'someone-else' };
    await expect(client.handleRedirectCallback(server.callbackUrl(authorizeUrl))).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('rejects an expired ID token (beyond the leeway)', async () => {
    const { client, authorizeUrl } = await startLogin();
    server.claims = { exp: Math.floor(clock.now() / 1000) - 120 };
    await expect(client.handleRedirectCallback(server.callbackUrl(authorizeUrl))).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('rejects an ID token whose signature does not verify against the JWKS', async () => {
    const { client, authorizeUrl } = await startLogin();
    const other = await createFakeServer({ now: clock.now });
    server.next.push(async (request) => {
      const response = await server.token(request);
      const body = await response.json();
      // Same claims, but signed by a key the tenant never published, under the tenant's kid.
      const [, payload] = body.id_token.split('.');
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
      body.id_token = await other.signIdToken(claims, 'key-1');
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    await expect(client.handleRedirectCallback(server.callbackUrl(authorizeUrl))).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect(await storedKeys()).toEqual([undefined, undefined]);
  });

  it('fetches the JWKS once more when the key id is unknown (key rotation), and caches it', async () => {
    const client = createAuthClient(server.options({ storage }));
    const login = async () => {
      const browser = urlCatcher();
      await client.loginWithRedirect({ openUrl: browser.open });
      await client.handleRedirectCallback(server.callbackUrl(browser.url));
    };
    await login();
    await login();
    const jwks = () => server.requests.filter((r) => r.path === '/.well-known/jwks.json').length;
    expect(jwks()).toBe(1);
    await server.rotateKey();
    await login();
    expect(jwks()).toBe(2);
    // A download per unknown kid at most every 30 s (see tokenChecks.test.ts).
    clock.advance(30);
    server.signingKid = 'key-9';
    await expect(login()).rejects.toMatchObject({ code: 'invalid_response' });
    expect(jwks()).toBe(3);
  });

  it('checks org_id when an organization was requested', async () => {
    const client = createAuthClient(
      server.options({ storage, authorizationParams: { organization: 'org_abc' } }),
    );
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    expect(new URL(browser.url).searchParams.get('organization')).toBe('org_abc');
    server.claims = { org_id: 'org_other' };
    await expect(client.handleRedirectCallback(server.callbackUrl(browser.url))).rejects.toMatchObject({
      code: 'invalid_response',
    });
    await client.loginWithRedirect({ openUrl: browser.open });
    server.claims = { org_id: 'org_abc' };
    await client.handleRedirectCallback(server.callbackUrl(browser.url));
    expect((await client.getIdTokenClaims())?.org_id).toBe('org_abc');
  });

  it('checks auth_time against max_age', async () => {
    const client = createAuthClient(server.options({ storage, authorizationParams: { max_age: 60 } }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    server.claims = { auth_time: Math.floor(clock.now() / 1000) - 3600 };
    await expect(client.handleRedirectCallback(server.callbackUrl(browser.url))).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('never touches Object.prototype when parsing claims', async () => {
    const { client, authorizeUrl } = await startLogin();
    server.claims = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    await client.handleRedirectCallback(server.callbackUrl(authorizeUrl));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(client.getSnapshot().user)).toBe(Object.prototype);
  });
});
