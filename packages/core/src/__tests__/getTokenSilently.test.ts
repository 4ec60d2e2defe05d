import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { MfaRequiredError } from '../errors/MfaRequiredError.js';
import { inTabMutex } from '../lock/inTabMutex.js';
import type { AuthClientOptions, AuthStorage } from '../types.js';
import {
  answer,
  DEFAULT_TOKEN_KEY,
  type FakeServer,
  type fakeClock,
  hang,
  nextIframe,
  postResponse,
  storedRefreshToken as refreshTokenIn,
  signedInClient,
  signIn,
  testBed,
} from './helpers/fakeServer.js';

const KEY = DEFAULT_TOKEN_KEY;
let server: FakeServer;
let clock: ReturnType<typeof fakeClock>;
let storage: AuthStorage;

const signedIn = (extra: Partial<AuthClientOptions> = {}) => signedInClient(server, { storage, ...extra });

const storedRefreshToken = () => refreshTokenIn(storage);

beforeEach(async () => {
  ({ clock, server, storage } = await testBed());
});

describe('getTokenSilently', () => {
  it('answers a cache hit from memory, without reading the storage', async () => {
    let reads = 0;
    const counted: AuthStorage = {
      ...storage,
      get: (key) => {
        reads++;
        return storage.get(key);
      },
    };
    const client = createAuthClient(server.options({ storage: counted }));
    await signIn(client, server);
    const first = await client.getTokenSilently();
    reads = 0;
    expect(await client.getTokenSilently()).toBe(first);
    expect(await client.getTokenSilently({ detailedResponse: true })).toMatchObject({ access_token: first });
    expect(reads).toBe(0);
  });

  it('returns a valid stored token with no request, and the detailed response on demand', async () => {
    const client = await signedIn();
    const sent = server.requests.length;
    const token = await client.getTokenSilently();
    const detailed = await client.getTokenSilently({ detailedResponse: true });
    expect(detailed).toMatchObject({ access_token: token, token_type: 'bearer', expires_in: 3600 });
    expect(detailed).not.toHaveProperty('refresh_token');
    expect(server.requests.length).toBe(sent);
  });

  it('refreshes an expired token and stores the rotated refresh token', async () => {
    const client = await signedIn();
    const first = await client.getTokenSilently();
    const oldRefreshToken = await storedRefreshToken();
    clock.advance(3600 - 30); // inside the 60 s leeway
    const second = await client.getTokenSilently();
    expect(second).not.toBe(first);
    expect(server.tokenRequests('refresh_token')[0]?.body.get('refresh_token')).toBe(oldRefreshToken);
    expect(await storedRefreshToken()).not.toBe(oldRefreshToken);
  });

  it('keeps the old refresh token when the server sends none', async () => {
    const client = await signedIn();
    const refreshToken = await storedRefreshToken();
    server.next.push(async (request) => {
      const response = await server.token(request);
      const body = await response.json();
      delete body.refresh_token;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    await client.getTokenSilently({ cacheMode: 'off' });
    expect(await storedRefreshToken()).toBe(refreshToken);
  });

  it('shares one request between concurrent calls in a tab', async () => {
    const client = await signedIn();
    clock.advance(3600);
    const tokens = await Promise.all([
      client.getTokenSilently(),
      client.getTokenSilently(),
      client.getTokenSilently(),
    ]);
    expect(new Set(tokens).size).toBe(1);
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('refreshes once across tabs: the second tab re-reads the store under the lock and sends nothing', async () => {
    const lock = inTabMutex();
    const tabA = await signedIn({ lock });
    const tabB = createAuthClient(server.options({ storage, lock }));
    clock.advance(3600);
    const [a, b] = await Promise.all([tabA.getTokenSilently(), tabB.getTokenSilently()]);
    expect(a).toBe(b);
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('on invalid_grant drops the grant and falls back to the iframe', async () => {
    const client = await signedIn();
    clock.advance(3600);
    server.next.push(answer(400, { error: 'invalid_grant' }));
    const pending = client.getTokenSilently();
    const iframe = await nextIframe();
    const authorize = new URL(iframe.src);
    expect(authorize.searchParams.get('prompt')).toBe('none');
    expect(authorize.searchParams.get('response_mode')).toBe('web_message');
    postResponse(iframe.contentWindow, server.origin, server.authorize(iframe.src));
    expect(await pending).toMatch(/^at-/);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('on invalid_grant without silent auth rejects with login_required and keeps no refresh token', async () => {
    const client = await signedIn({ silentAuth: false });
    clock.advance(3600);
    server.next.push(answer(400, { error: 'invalid_grant' }));
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'login_required' });
    expect(await storage.get(KEY)).toBeUndefined();
  });

  it.each([
    ['server_error', answer(503)],
    ['rate_limited', answer(429)],
    ['network_error', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('keeps the refresh token on %s and rejects with that retryable code', async (code, handler) => {
    const client = await signedIn({ silentAuth: false });
    const refreshToken = await storedRefreshToken();
    clock.advance(3600);
    server.next.push(handler);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code });
    expect(await storedRefreshToken()).toBe(refreshToken);
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('rejects with timeout when the token endpoint does not answer, and releases the lock', async () => {
    const lock = inTabMutex();
    await signedIn({ silentAuth: false, lock });
    // The short timeout only after the login (on a loaded machine it would time the login out),
    // on a second client over the same stored session.
    const client = createAuthClient(
      server.options({ storage, silentAuth: false, httpTimeoutInSeconds: 0.05, lock }),
    );
    clock.advance(3600);
    server.next.push(hang);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'timeout' });
    expect(await lock.run('sesame:client-1:', async () => 'free')).toBe('free');
  });

  it('sends the same refresh token again after a 429 (the server did not use it)', async () => {
    const client = await signedIn({ silentAuth: false });
    clock.advance(3600);
    server.next.push(answer(429));
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'rate_limited' });
    clock.advance(1); // the back-off
    expect(await client.getTokenSilently()).toMatch(/^at-/);
  });

  it('rejects mfa_required with an MfaRequiredError carrying the mfa_token', async () => {
    const client = await signedIn();
    clock.advance(3600);
    server.next.push(
      answer(403, { error: 'mfa_required', error_description: 'Multifactor', mfa_token: 'mfa-1' }),
    );
    const error = await client.getTokenSilently().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MfaRequiredError);
    expect(error).toMatchObject({ code: 'mfa_required', mfaToken: 'mfa-1' });
  });

  it('cache-only never asks the server', async () => {
    const client = createAuthClient(server.options({ storage }));
    await expect(client.getTokenSilently({ cacheMode: 'cache-only' })).rejects.toMatchObject({
      code: 'login_required',
    });
    expect(server.requests).toEqual([]);
  });

  it('gets a token for another audience through the iframe, ignoring foreign messages', async () => {
    const client = await signedIn();
    const pending = client.getTokenSilently({ authorizationParams: { audience: 'https://api.example' } });
    const iframe = await nextIframe();
    expect(new URL(iframe.src).searchParams.get('audience')).toBe('https://api.example');
    const response = server.authorize(iframe.src);
    postResponse(iframe.contentWindow, 'https://evil.example', response);
    postResponse(window, server.origin, response);
    postResponse(iframe.contentWindow, server.origin, { ...response, state: 'other' });
    postResponse(iframe.contentWindow, server.origin, response, 'something_else');
    expect(document.querySelector('iframe')).not.toBeNull();
    postResponse(iframe.contentWindow, server.origin, response);
    await pending;
    expect(await storage.get('token:https://api.example|email offline_access openid profile')).toBeDefined();
  });

  it('rejects with login_required from the iframe and removes it', async () => {
    const client = createAuthClient(server.options({ storage }));
    const pending = client.getTokenSilently();
    const iframe = await nextIframe();
    postResponse(iframe.contentWindow, server.origin, {
      state: new URL(iframe.src).searchParams.get('state')!,
      error: 'login_required',
    });
    await expect(pending).rejects.toMatchObject({ code: 'login_required' });
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('rejects with timeout when the iframe never answers, and removes it', async () => {
    const client = createAuthClient(server.options({ storage, authorizeTimeoutInSeconds: 0.05 }));
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'timeout' });
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('throws a TypeError naming a bad option', async () => {
    const client = createAuthClient(server.options({ storage }));
    await expect(client.getTokenSilently({ cacheMode: 'sometimes' as 'on' })).rejects.toThrow(
      /options\.cacheMode/,
    );
  });
});
