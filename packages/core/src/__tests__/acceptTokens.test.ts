import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { acceptTokens, contextOf } from '../internal.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import { createFakeServer, type FakeServer, fakeClock } from './helpers/fakeServer.js';

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
      grant: 'other',
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
      acceptTokens(contextOf(client), { response, grant: 'other', audience: undefined, scope: 'openid' }),
    ).rejects.toMatchObject({ code: 'invalid_response' });
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('refuses a client it did not make', () => {
    expect(() => contextOf({} as ReturnType<typeof createAuthClient>)).toThrow(TypeError);
  });
});
