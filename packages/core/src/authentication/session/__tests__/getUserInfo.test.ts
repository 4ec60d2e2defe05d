import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Auth0FakeServer,
  ada,
  createAuth0FakeServer,
  sessionClient,
} from './helpers/auth0FakeServer.js';

let server: Auth0FakeServer;

beforeEach(async () => {
  server = await createAuth0FakeServer();
});

describe('getUserInfo', () => {
  it("returns /userinfo when its sub is the ID token's, with the stored access token", async () => {
    const client = sessionClient(server);
    await client.loginWithPassword(ada);
    const accessToken = await client.getTokenSilently();
    await expect(client.getUserInfo()).resolves.toEqual({ sub: 'user-1', email: 'ada@example.com' });
    const request = server.requests.at(-1);
    expect(request?.path).toBe('/userinfo');
    expect(request?.headers?.get('authorization')).toBe(`Bearer ${accessToken}`);
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it("rejects a sub other than the ID token's with invalid_response", async () => {
    const client = sessionClient(server);
    await client.loginWithPassword(ada);
    server.userinfoSub = 'user-2';
    const error = await client.getUserInfo().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(String(error)).not.toContain('user-2');
    expect(client.getSnapshot().user?.sub).toBe('user-1');
  });

  it('needs a session', async () => {
    const client = sessionClient(server, { silentAuth: false });
    await expect(client.getUserInfo()).rejects.toMatchObject({ code: 'missing_refresh_token' });
    expect(server.requests.filter((r) => r.path === '/userinfo')).toHaveLength(0);
  });
});
