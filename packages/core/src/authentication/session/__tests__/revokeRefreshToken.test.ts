import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer } from '../../../__tests__/helpers/fakeServer.js';
import { createAuthClient } from '../../../createAuthClient.js';
import { memoryStorage } from '../../../storage/memoryStorage.js';
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

describe('revokeRefreshToken', () => {
  it('revokes the stored refresh token and drops it; the access token stays until it expires', async () => {
    const client = sessionClient(server, { silentAuth: false });
    await client.loginWithPassword(ada);
    const accessToken = await client.getTokenSilently();
    const [refreshed] = server.tokenRequests();
    expect(refreshed).toBeDefined();

    await client.revokeRefreshToken();
    const revoke = server.requests.find((r) => r.path === '/oauth/revoke');
    expect(revoke?.json).toEqual({ client_id: server.clientId, token: expect.stringMatching(/^rt-/) });
    expect(server.revoked).toEqual([revoke?.json?.token]);

    expect(await client.getTokenSilently()).toBe(accessToken);
    expect(client.getSnapshot().status).toBe('authenticated');
    server.clock.advance(3600);
    const count = server.tokenRequests('refresh_token').length;
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'missing_refresh_token' });
    expect(server.tokenRequests('refresh_token')).toHaveLength(count);
  });

  it('tells the other tabs, which then have no refresh token either', async () => {
    const storage = memoryStorage();
    const client = sessionClient(server, { storage, silentAuth: false });
    const other = createAuthClient(server.options({ storage, silentAuth: false }));
    await client.loginWithPassword(ada);
    const seen = vi.fn();
    const stop = other.subscribe(seen);
    await client.revokeRefreshToken();
    server.clock.advance(3600);
    await expect(other.getTokenSilently()).rejects.toMatchObject({ code: 'missing_refresh_token' });
    stop();
  });

  it('sends nothing when no refresh token is stored', async () => {
    const client = sessionClient(server);
    await client.revokeRefreshToken();
    expect(server.requests.filter((r) => r.path === '/oauth/revoke')).toHaveLength(0);
  });

  it('keeps the refresh token when the revocation fails', async () => {
    const client = sessionClient(server, { silentAuth: false });
    await client.loginWithPassword(ada);
    server.routes['/oauth/revoke'] = answer(503, { error: 'temporarily_unavailable' });
    await expect(client.revokeRefreshToken()).rejects.toMatchObject({ code: 'server_error' });
    server.clock.advance(3600);
    await expect(client.getTokenSilently()).resolves.toMatch(/^at-/);
  });

  it('names a bad argument', async () => {
    const client = sessionClient(server);
    await expect(client.revokeRefreshToken({ audience: '' })).rejects.toThrow(/"options.audience"/);
  });
});
