import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { acceptTokens, contextOf } from '../internal.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import { createFakeServer, type FakeServer, fakeClock, signIn } from './helpers/fakeServer.js';

let server: FakeServer;

beforeEach(async () => {
  server = await createFakeServer({ now: fakeClock().now });
});

describe('acceptTokens (for further grants)', () => {
  it('validates, stores, publishes and tells other tabs', async () => {
    const storage = memoryStorage();
    const client = createAuthClient(server.options({ storage }));
    const other = createAuthClient(server.options({ storage }));
    const stop = other.subscribe(() => undefined);
    await vi.waitFor(() => expect(other.getSnapshot().status).toBe('unauthenticated'));
    const response = await server.issue('user-1', 'openid profile email');
    const ctx = contextOf(client);
    const accepted = await acceptTokens(ctx, {
      response,
      grant: 'login',
      audience: 'https://api.example',
      scope: ctx.config.authorizationParams.scope,
    });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
    expect(
      await client.getTokenSilently({
        authorizationParams: { audience: 'https://api.example' },
        cacheMode: 'cache-only',
      }),
    ).toBe(accepted.access_token);
    await vi.waitFor(() => expect(other.getSnapshot().status).toBe('authenticated'));
    stop();
  });

  it('stores nothing from a response without an ID token when there is no session', async () => {
    const client = createAuthClient(server.options());
    const response = new Response(
      JSON.stringify({ access_token: 'at-x', token_type: 'Bearer', expires_in: 60 }),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
    await expect(
      acceptTokens(contextOf(client), { response, grant: 'login', audience: undefined, scope: 'openid' }),
    ).rejects.toMatchObject({ code: 'invalid_response' });
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('a login grant may sign another user in: the previous user is replaced as after a redirect', async () => {
    const client = createAuthClient(server.options());
    await signIn(client, server);
    const ctx = contextOf(client);
    const { scope } = ctx.config.authorizationParams;
    const other = await acceptTokens(ctx, {
      response: await server.issue('user-1', scope),
      grant: 'login',
      audience: 'https://api.example',
      scope,
    });
    // A refresh keeps the user.
    await expect(
      acceptTokens(ctx, {
        response: await server.issue('user-2', scope),
        grant: 'refresh_token',
        audience: undefined,
        scope,
      }),
    ).rejects.toMatchObject({ code: 'invalid_response' });
    expect(client.getSnapshot().user?.sub).toBe('user-1');

    // The ID token of these grants has no nonce: none is expected.
    await acceptTokens(ctx, {
      response: await server.issue('user-2', scope),
      grant: 'login',
      audience: undefined,
      scope,
    });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-2' } });
    expect((await client.getIdTokenClaims())?.nonce).toBeUndefined();
    // Nothing of user-1 stays: the token of the other audience is gone.
    await expect(
      client.getTokenSilently({
        authorizationParams: { audience: 'https://api.example' },
        cacheMode: 'cache-only',
      }),
    ).rejects.toMatchObject({ code: 'login_required' });
    expect(other.access_token).toBeTypeOf('string');
  });

  it('a login grant without an ID token changes nothing, even with a session', async () => {
    const client = createAuthClient(server.options());
    await signIn(client, server);
    const before = await client.getTokenSilently();
    const response = new Response(
      JSON.stringify({ access_token: 'at-x', token_type: 'Bearer', expires_in: 60 }),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
    const ctx = contextOf(client);
    await expect(
      acceptTokens(ctx, {
        response,
        grant: 'login',
        audience: undefined,
        scope: ctx.config.authorizationParams.scope,
      }),
    ).rejects.toMatchObject({ code: 'invalid_response' });
    expect(await client.getTokenSilently({ cacheMode: 'cache-only' })).toBe(before);
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
  });

  it('refuses a client it did not make', () => {
    expect(() => contextOf({} as ReturnType<typeof createAuthClient>)).toThrow(TypeError);
  });
});
