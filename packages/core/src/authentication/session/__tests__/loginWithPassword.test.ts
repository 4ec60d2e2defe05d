import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../../../createAuthClient.js';
import { AuthError } from '../../../errors/AuthError.js';
import { memoryStorage } from '../../../storage/memoryStorage.js';
import { withAuthenticationApi } from '../withAuthenticationApi.js';
import {
  type Auth0FakeServer,
  ada,
  createAuth0FakeServer,
  GRANT,
  sessionClient,
  storedState,
} from './helpers/auth0FakeServer.js';

let server: Auth0FakeServer;

beforeEach(async () => {
  server = await createAuth0FakeServer();
});

describe('loginWithPassword', () => {
  it('signs in as a redirect login does: stored, published, and served from the store', async () => {
    const client = sessionClient(server);
    await client.loginWithPassword({ ...ada, realm: 'Username-Password-Authentication' });
    expect(client.getSnapshot()).toMatchObject({
      status: 'authenticated',
      user: { sub: 'user-1', email: 'ada@example.com' },
      error: undefined,
    });
    const [request] = server.tokenRequests(GRANT.realm);
    expect(request?.body.get('realm')).toBe('Username-Password-Authentication');
    // The client's scope (with offline_access), so that the default getTokenSilently() finds the tokens.
    expect(request?.body.get('scope')).toBe('openid profile email offline_access');
    const sent = server.requests.length;
    expect(await client.getTokenSilently()).toMatch(/^at-/);
    expect(server.requests.length).toBe(sent);
    expect(await client.getIdTokenClaims()).toMatchObject({
      iss: server.issuer,
      aud: server.clientId,
      sub: 'user-1',
    });
  });

  it('uses the password grant without a realm, and stores an audience under its own key', async () => {
    const client = sessionClient(server);
    await client.loginWithPassword({ ...ada, audience: 'https://api.example', scope: 'read:things' });
    const [request] = server.tokenRequests(GRANT.password);
    expect(request?.body.get('audience')).toBe('https://api.example');
    expect(request?.body.get('scope')).toBe('openid profile email offline_access read:things');
    const sent = server.requests.length;
    await client.getTokenSilently({
      authorizationParams: { audience: 'https://api.example', scope: 'read:things' },
    });
    expect(server.requests.length).toBe(sent);
  });

  it('tells the other tabs', async () => {
    const storage = memoryStorage();
    const client = sessionClient(server, { storage });
    const other = createAuthClient(server.options({ storage }));
    const stop = other.subscribe(() => undefined);
    await vi.waitFor(() => expect(other.getSnapshot().status).toBe('unauthenticated'));
    await client.loginWithPassword(ada);
    await vi.waitFor(() =>
      expect(other.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } }),
    );
    stop();
  });

  it('a wrong password (invalid_grant) changes nothing stored and is published as the error', async () => {
    const client = sessionClient(server);
    await client.loginWithPassword(ada);
    const before = await storedState(client);
    const error = await client.loginWithPassword({ ...ada, password: 'wrong' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'invalid_grant', description: 'Wrong email or password.' });
    expect(await storedState(client)).toEqual(before);
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', error });
    // The next success clears it.
    await client.loginWithPassword(ada);
    expect(client.getSnapshot().error).toBeUndefined();
  });

  it('validates the ID token as the redirect flow does: a wrong audience stores nothing', async () => {
    const client = sessionClient(server);
    server.claims = { aud: 'someone-else' };
    await expect(client.loginWithPassword(ada)).rejects.toMatchObject({ code: 'invalid_response' });
    expect(await client.isAuthenticated()).toBe(false);
    expect(client.getSnapshot().status).toBe('unauthenticated');
  });

  it('a bad signature stores nothing and the error names no token', async () => {
    const client = sessionClient(server);
    server.signingKid = 'unknown-key';
    const error = (await client.loginWithPassword(ada).catch((e: unknown) => e)) as AuthError;
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(await client.isAuthenticated()).toBe(false);
    const printed = `${error.message} ${String(error.cause)} ${JSON.stringify(error)}`;
    expect(printed).not.toMatch(/at-\d|rt-\d|eyJ/);
  });

  it('another user replaces the signed-in one, as after a redirect', async () => {
    const client = sessionClient(server);
    await client.loginWithPassword(ada);
    server.users.set('bob@example.com', { sub: 'user-2', password: 'bobs', mfa: false });
    await client.loginWithPassword({ username: 'bob@example.com', password: 'bobs' });
    expect(client.getSnapshot().user?.sub).toBe('user-2');
  });

  it('throws a TypeError naming a bad argument, before any request', async () => {
    const client = sessionClient(server);
    await expect(client.loginWithPassword(undefined as never)).rejects.toThrow(/"options"/);
    await expect(client.loginWithPassword({ username: 'ada@example.com' } as never)).rejects.toThrow(
      /"options.password"/,
    );
    await expect(client.loginWithPassword({ ...ada, audience: 42 as never })).rejects.toThrow(
      /"options.audience"/,
    );
    await expect(client.loginWithPassword({ ...ada, realm: '' })).rejects.toThrow(/"options.realm"/);
    expect(server.tokenRequests()).toHaveLength(0);
  });
});

describe('withAuthenticationApi', () => {
  it('returns the same client, with its store and internals, and adds methods once', async () => {
    const client = createAuthClient(server.options());
    const extended = withAuthenticationApi(client);
    expect(extended).toBe(client);
    expect(withAuthenticationApi(extended)).toBe(extended);
    const seen: string[] = [];
    const stop = extended.subscribe(() => seen.push(extended.getSnapshot().status));
    await extended.loginWithPassword(ada);
    expect(seen).toContain('authenticated');
    stop();
  });

  it('keeps top-level methods as own functions (what the bindings bind) that need no `this`', async () => {
    const client = sessionClient(server);
    const own = Object.getOwnPropertyNames(client).filter(
      (key) => typeof Reflect.get(client, key) === 'function',
    );
    expect(own).toEqual(
      expect.arrayContaining([
        'loginWithPassword',
        'signup',
        'changePassword',
        'revokeRefreshToken',
        'getUserInfo',
      ]),
    );
    const { loginWithPassword } = client;
    await loginWithPassword(ada);
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('refuses a client not made by createAuthClient()', () => {
    expect(() => withAuthenticationApi({} as never)).toThrow(TypeError);
  });
});
