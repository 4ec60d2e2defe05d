import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Auth0FakeServer,
  CODES,
  createAuth0FakeServer,
  GRANT,
  sessionClient,
  storedState,
} from './helpers/auth0FakeServer.js';

let server: Auth0FakeServer;

beforeEach(async () => {
  server = await createAuth0FakeServer();
});

describe('passwordless', () => {
  it('start() sends the code; login() signs in as a redirect login does', async () => {
    const client = sessionClient(server);
    await expect(
      client.passwordless.start({
        connection: 'email',
        email: 'ada@example.com',
        send: 'code',
        authParams: { scope: 'openid' },
      }),
    ).resolves.toMatchObject({ email: 'ada@example.com' });
    expect(server.requests.find((r) => r.path === '/passwordless/start')?.json).toEqual({
      client_id: server.clientId,
      connection: 'email',
      email: 'ada@example.com',
      send: 'code',
      authParams: { scope: 'openid' },
    });
    await client.passwordless.login({
      connection: 'email',
      email: 'ada@example.com',
      otp: CODES.passwordless,
    });
    expect(client.getSnapshot()).toMatchObject({
      status: 'authenticated',
      user: { sub: 'email|ada@example.com' },
    });
    const [request] = server.tokenRequests(GRANT.otp);
    expect(request?.json).toMatchObject({
      realm: 'email',
      username: 'ada@example.com',
      otp: CODES.passwordless,
      scope: 'openid profile email offline_access',
    });
    const sent = server.requests.length;
    await client.getTokenSilently();
    expect(server.requests.length).toBe(sent);
  });

  it('works by SMS with phone_number', async () => {
    const client = sessionClient(server);
    await client.passwordless.start({ connection: 'sms', phone_number: '+15551234567' });
    expect(server.requests.at(-1)?.json).toMatchObject({ connection: 'sms', phone_number: '+15551234567' });
    await client.passwordless.login({
      connection: 'sms',
      phone_number: '+15551234567',
      otp: CODES.passwordless,
    });
    expect(client.getSnapshot().user?.sub).toBe('sms|+15551234567');
  });

  it('a wrong code (invalid_grant) changes nothing stored', async () => {
    const client = sessionClient(server);
    const before = await storedState(client);
    await expect(
      client.passwordless.login({ connection: 'email', email: 'ada@example.com', otp: '000000' }),
    ).rejects.toMatchObject({ code: 'invalid_grant' });
    expect(await storedState(client)).toEqual(before);
    expect(client.getSnapshot()).toMatchObject({
      status: 'unauthenticated',
      error: { code: 'invalid_grant' },
    });
  });

  it('names a bad argument', async () => {
    const client = sessionClient(server);
    await expect(client.passwordless.start({ connection: 'fax' } as never)).rejects.toThrow(
      /"options.connection"/,
    );
    await expect(client.passwordless.start({ connection: 'sms', email: 'a@b.c' } as never)).rejects.toThrow(
      /"options.phone_number"/,
    );
    await expect(client.passwordless.login({ connection: 'email', email: 'a@b.c' } as never)).rejects.toThrow(
      /"options.otp"/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
