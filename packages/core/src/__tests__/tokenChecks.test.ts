import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { DEFAULT_EXPIRES_IN } from '../tokens/accessTokenLifetime.js';
import { MAX_TOKEN_RESPONSE_BYTES } from '../tokens/limitResponseSize.js';
import type { AuthClient, AuthClientOptions, AuthStorage } from '../types.js';
import {
  type FakeServer,
  type fakeClock,
  type RecordedRequest,
  signIn,
  testBed,
  urlCatcher,
} from './helpers/fakeServer.js';

let server: FakeServer;
let clock: ReturnType<typeof fakeClock>;
let storage: AuthStorage;

beforeEach(async () => {
  ({ clock, server, storage } = await testBed());
});

async function signedIn(extra: Partial<AuthClientOptions> = {}): Promise<AuthClient> {
  const client = createAuthClient(server.options({ storage, ...extra }));
  await signIn(client, server);
  return client;
}

type Body = Record<string, unknown>;

/** The server's next token answer, changed by `edit` (which may also return a raw JSON text). */
function nextAnswer(edit: (body: Body) => Promise<Body | string | undefined> | Body | string | undefined) {
  server.next.push(async (request: RecordedRequest) => {
    const body = (await (await server.token(request)).json()) as Body;
    const edited = (await edit(body)) ?? body;
    return new Response(typeof edited === 'string' ? edited : JSON.stringify(edited), {
      headers: { 'content-type': 'application/json' },
    });
  });
}

/** An ID token as the server would issue it now, with `changes` to its JSON payload text. */
async function idToken(changes: Record<string, string>, claims: Body = {}): Promise<string> {
  const now = Math.floor(clock.now() / 1000);
  let payload = JSON.stringify({
    iss: server.issuer,
    aud: server.clientId,
    sub: 'user-1',
    iat: now,
    exp: now + 3600,
    ...claims,
  });
  for (const [name, raw] of Object.entries(changes)) {
    payload = payload.replace(new RegExp(`"${name}":[^,}]+`), `"${name}":${raw}`);
  }
  return server.signIdToken(payload);
}

const refreshes = () => server.tokenRequests('refresh_token').length;

describe('the leeway and the access token lifetime', () => {
  it('caps the leeway to a quarter of the lifetime: a 20 s token is not refreshed on every call', async () => {
    nextAnswer((body) => ({ ...body, expires_in: 20 }));
    const client = await signedIn({ leeway: 60 });
    for (let i = 0; i < 5; i++) await client.getTokenSilently();
    expect(refreshes()).toBe(0);
    clock.advance(14);
    await client.getTokenSilently();
    expect(refreshes()).toBe(0);
    // Within the last quarter (5 s) of its life the token is renewed.
    clock.advance(2);
    await client.getTokenSilently();
    expect(refreshes()).toBe(1);
  });

  it('keeps the full leeway for tokens that live long enough', async () => {
    const client = await signedIn({ leeway: 60 });
    clock.advance(3600 - 61);
    await client.getTokenSilently();
    expect(refreshes()).toBe(0);
    clock.advance(2);
    await client.getTokenSilently();
    expect(refreshes()).toBe(1);
  });

  it('without expires_in, an opaque access token lives the documented default', async () => {
    nextAnswer(({ expires_in: _, ...body }) => body);
    const client = await signedIn({ leeway: 60 });
    const first = await client.getTokenSilently({ detailedResponse: true });
    expect(first.expires_in).toBe(DEFAULT_EXPIRES_IN);
    await client.getTokenSilently();
    expect(refreshes()).toBe(0);
    clock.advance(DEFAULT_EXPIRES_IN - 59);
    await client.getTokenSilently();
    expect(refreshes()).toBe(1);
  });

  it('without expires_in, a JWT access token lives until its own exp', async () => {
    const now = Math.floor(clock.now() / 1000);
    const jwt = await server.signIdToken({ iat: now, exp: now + 900 });
    nextAnswer(({ expires_in: _, ...body }) => ({ ...body, access_token: jwt }));
    const client = await signedIn();
    const first = await client.getTokenSilently({ detailedResponse: true });
    expect(first).toMatchObject({ access_token: jwt, expires_in: 900 });
    clock.advance(900 - 61);
    await client.getTokenSilently();
    expect(refreshes()).toBe(0);
  });

  it('refuses a non-finite expires_in (1e999 is Infinity in JSON)', async () => {
    const client = createAuthClient(server.options({ storage }));
    nextAnswer((body) => JSON.stringify(body).replace(/"expires_in":\d+/, '"expires_in":1e999'));
    await expect(signIn(client, server)).rejects.toMatchObject({ code: 'invalid_response' });
    expect(await client.isAuthenticated()).toBe(false);
  });
});

describe('ID token times', () => {
  it.each([
    ['exp', { exp: '1e999' }],
    ['iat', { iat: '1e999' }],
    ['an iat an hour in the future', { iat: String(Math.floor(Date.UTC(2026, 0, 1) / 1000) + 3600) }],
  ])('rejects %s and stores nothing', async (_name, changes) => {
    const client = createAuthClient(server.options({ storage }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    const nonce = new URL(browser.url).searchParams.get('nonce') as string;
    const token = await idToken(changes, { nonce });
    nextAnswer((body) => ({ ...body, id_token: token }));
    await expect(client.handleRedirectCallback(server.callbackUrl(browser.url))).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('accepts an iat ahead of the clock by less than the leeway', async () => {
    const client = createAuthClient(server.options({ storage, leeway: 60 }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    const nonce = new URL(browser.url).searchParams.get('nonce') as string;
    const token = await idToken({ iat: String(Math.floor(clock.now() / 1000) + 30) }, { nonce });
    nextAnswer((body) => ({ ...body, id_token: token }));
    await client.handleRedirectCallback(server.callbackUrl(browser.url));
    expect(await client.isAuthenticated()).toBe(true);
  });
});

describe('a refreshed ID token must be of the same session (OIDC Core 12.2)', () => {
  it.each([
    ['azp', {}, { azp: 'client-1' }],
    [
      'aud',
      { aud: ['client-1', 'https://a.example'], azp: 'client-1' },
      { aud: ['client-1', 'https://b.example'], azp: 'client-1' },
    ],
    ['auth_time', { auth_time: 1_767_000_000 }, { auth_time: 1_767_000_500 }],
  ])(
    'rejects a refreshed ID token whose %s changed: nothing of it is stored',
    async (_name, login, refreshed) => {
      server.claims = login;
      // No iframe to fall back on: the rejected answer spent the refresh token (property 5), so
      // the session ends, truthfully, instead of taking the other session's ID token.
      const client = await signedIn({ silentAuth: false });
      server.claims = refreshed;
      const error = await client.getTokenSilently({ cacheMode: 'off' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'login_required', cause: { code: 'invalid_response' } });
      expect(await client.getIdTokenClaims()).toBeUndefined();
      expect(client.getSnapshot().status).toBe('unauthenticated');
    },
  );

  it('accepts a refreshed ID token with the same aud (in another order), azp and auth_time', async () => {
    server.claims = { aud: ['client-1', 'https://a.example'], azp: 'client-1', auth_time: 1_767_000_000 };
    const client = await signedIn();
    const before = (await client.getIdTokenClaims())?.__raw;
    server.claims = { aud: ['https://a.example', 'client-1'], azp: 'client-1', auth_time: 1_767_000_000 };
    await client.getTokenSilently({ cacheMode: 'off' });
    expect((await client.getIdTokenClaims())?.__raw).not.toBe(before);
  });
});

describe('the JWKS', () => {
  it('is downloaded again for an unknown kid at most once per 30 s on the client clock', async () => {
    const client = createAuthClient(server.options({ storage }));
    const downloads = () => server.requests.filter((r) => r.path === '/.well-known/jwks.json').length;
    await signIn(client, server);
    expect(downloads()).toBe(1);
    server.signingKid = 'unknown';
    const failedLogin = () =>
      expect(signIn(client, server)).rejects.toMatchObject({ code: 'invalid_response' });
    for (let i = 0; i < 3; i++) await failedLogin();
    expect(downloads()).toBe(2);
    clock.advance(29);
    await failedLogin();
    expect(downloads()).toBe(2);
    clock.advance(1);
    await failedLogin();
    expect(downloads()).toBe(3);
  });
});

describe('the authorization response and the token response', () => {
  it.each(['', ' ', '\t\n'])('rejects the code %j before any request, storing nothing', async (code) => {
    const client = createAuthClient(server.options({ storage }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    await expect(
      client.handleRedirectCallback(server.callbackUrl(browser.url, { code })),
    ).rejects.toMatchObject({ code: 'invalid_response' });
    expect(server.tokenRequests()).toEqual([]);
    expect(await client.isAuthenticated()).toBe(false);
  });

  it.each([
    ['announced by Content-Length', true],
    ['found while reading', false],
  ])('refuses a token response above the size limit (%s) and stores nothing', async (_name, announce) => {
    const client = createAuthClient(server.options({ storage }));
    server.next.push(async (request) => {
      const body = (await (await server.token(request)).json()) as Body;
      const text = JSON.stringify({ ...body, padding: 'x'.repeat(MAX_TOKEN_RESPONSE_BYTES) });
      const headers = new Headers({ 'content-type': 'application/json' });
      if (announce) headers.set('content-length', String(text.length));
      const stream = new ReadableStream({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
          controller.close();
        },
      });
      return new Response(stream, { headers });
    });
    await expect(signIn(client, server)).rejects.toMatchObject({ code: 'invalid_response' });
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('accepts a token response just under the size limit', async () => {
    const client = createAuthClient(server.options({ storage }));
    nextAnswer((body) => {
      const text = JSON.stringify({ ...body, padding: '' });
      return { ...body, padding: 'x'.repeat(MAX_TOKEN_RESPONSE_BYTES - text.length) };
    });
    await signIn(client, server);
    expect(await client.isAuthenticated()).toBe(true);
  });
});
