import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Auth0FakeServer,
  createAuth0FakeServer,
  GRANT,
  sessionClient,
} from './helpers/auth0FakeServer.js';

let server: Auth0FakeServer;
const connection = 'Username-Password-Authentication';

beforeEach(async () => {
  server = await createAuth0FakeServer();
});

describe('signup', () => {
  it('creates the user and stays signed out without login', async () => {
    const client = sessionClient(server);
    const user = await client.signup({
      connection,
      email: 'new@example.com',
      password: 'pw-1',
      given_name: 'New',
    });
    expect(user).toMatchObject({ email: 'new@example.com' });
    expect(server.requests.at(-1)?.json).toEqual({
      client_id: server.clientId,
      connection,
      email: 'new@example.com',
      password: 'pw-1',
      given_name: 'New',
    });
    expect(server.tokenRequests()).toHaveLength(0);
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('with login: true, signs the new user in with a password-realm login', async () => {
    const client = sessionClient(server);
    await client.signup({
      connection,
      email: 'new@example.com',
      password: 'pw-1',
      login: true,
      audience: 'https://api.example',
    });
    const [request] = server.tokenRequests(GRANT.realm);
    expect(request?.body.get('realm')).toBe(connection);
    expect(request?.body.get('audience')).toBe('https://api.example');
    expect(client.getSnapshot()).toMatchObject({
      status: 'authenticated',
      user: { sub: server.users.get('new@example.com')?.sub },
    });
    const sent = server.requests.length;
    await client.getTokenSilently({ authorizationParams: { audience: 'https://api.example' } });
    expect(server.requests.length).toBe(sent);
  });

  it('an existing user: the server code, no login, nothing stored', async () => {
    const client = sessionClient(server);
    await expect(
      client.signup({ connection, email: 'ada@example.com', password: 'x', login: true }),
    ).rejects.toMatchObject({
      code: 'user_exists',
    });
    expect(server.tokenRequests()).toHaveLength(0);
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('names a bad argument', async () => {
    const client = sessionClient(server);
    await expect(
      client.signup({ connection, email: 'a@b.c', password: 'x', login: 'yes' as never }),
    ).rejects.toThrow(/"options.login"/);
    await expect(client.signup({ connection, password: 'x' } as never)).rejects.toThrow(/"options.email"/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('changePassword', () => {
  it('asks for the reset email and leaves the session as it is', async () => {
    const client = sessionClient(server);
    await client.loginWithPassword({ username: 'ada@example.com', password: 'right' });
    await expect(client.changePassword({ connection, email: 'ada@example.com' })).resolves.toMatch(
      /reset your password/,
    );
    expect(server.requests.at(-1)?.json).toEqual({
      client_id: server.clientId,
      connection,
      email: 'ada@example.com',
    });
    expect(client.getSnapshot().status).toBe('authenticated');
    await expect(client.changePassword({ email: 'ada@example.com' } as never)).rejects.toThrow(
      /"options.connection"/,
    );
  });
});
