import { beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../../__tests__/helpers/fakeServer.js';
import { MfaRequiredError } from '../../../errors/MfaRequiredError.js';
import {
  type Auth0FakeServer,
  ada,
  CODES,
  createAuth0FakeServer,
  GRANT,
  sessionClient,
  storedState,
} from './helpers/auth0FakeServer.js';

let server: Auth0FakeServer;

beforeEach(async () => {
  server = await createAuth0FakeServer();
  server.users.set('ada@example.com', { sub: 'user-1', password: 'right', mfa: true });
});

async function mfaRequired(
  client: ReturnType<typeof sessionClient>,
  options: object = {},
): Promise<MfaRequiredError> {
  const error = await client.loginWithPassword({ ...ada, ...options }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MfaRequiredError);
  return error as MfaRequiredError;
}

describe('mfa', () => {
  it('mfa_required → enroll → verify with the app: authenticated, served from the store', async () => {
    const client = sessionClient(server);
    const { mfaToken } = await mfaRequired(client);
    expect(mfaToken).toMatch(/^mfa-/);
    expect(await client.isAuthenticated()).toBe(false);
    const enrolment = await client.mfa.enroll({ mfaToken });
    expect(enrolment).toMatchObject({
      authenticator_type: 'otp',
      secret: expect.any(String),
      barcode_uri: expect.stringMatching(/^otpauth:/),
      recovery_codes: [CODES.recovery],
    });
    const sent = server.requests.find((r) => r.path === '/mfa/associate');
    expect(sent?.json).toEqual({ client_id: server.clientId, authenticator_types: ['otp'] });
    expect(sent?.headers?.get('authorization')).toBe(`Bearer ${mfaToken}`);

    await expect(client.mfa.verify({ mfaToken, otp: CODES.totp })).resolves.toEqual({
      recoveryCode: undefined,
    });
    expect(client.getSnapshot()).toMatchObject({
      status: 'authenticated',
      user: { sub: 'user-1' },
      error: undefined,
    });
    const count = server.requests.length;
    await client.getTokenSilently();
    expect(server.requests.length).toBe(count);
  });

  it('stores the tokens under the audience and scope of the login that threw', async () => {
    const client = sessionClient(server);
    const { mfaToken } = await mfaRequired(client, { audience: 'https://api.example', scope: 'read:things' });
    await client.mfa.verify({ mfaToken, otp: CODES.totp });
    const count = server.requests.length;
    await client.getTokenSilently({
      authorizationParams: { audience: 'https://api.example', scope: 'read:things' },
    });
    expect(server.requests.length).toBe(count);
  });

  it('verifies with a recovery code and returns the new one to show', async () => {
    const client = sessionClient(server);
    const { mfaToken } = await mfaRequired(client);
    await expect(client.mfa.verify({ mfaToken, recoveryCode: CODES.recovery })).resolves.toEqual({
      recoveryCode: 'RECOVERY-2',
    });
    expect(client.getSnapshot().status).toBe('authenticated');
    expect(server.tokenRequests(GRANT.mfaRecovery)[0]?.body.get('recovery_code')).toBe(CODES.recovery);
  });

  it('lists the authenticators, challenges oob and verifies with the binding code', async () => {
    const client = sessionClient(server);
    const { mfaToken } = await mfaRequired(client);
    await expect(client.mfa.getAuthenticators(mfaToken)).resolves.toEqual([
      { id: 'totp|1', authenticator_type: 'otp', active: true },
    ]);
    const challenge = await client.mfa.challenge({
      mfaToken,
      challengeType: 'oob',
      authenticatorId: 'sms|1',
    });
    expect(server.requests.at(-1)?.json).toEqual({
      client_id: server.clientId,
      mfa_token: mfaToken,
      challenge_type: 'oob',
      authenticator_id: 'sms|1',
    });
    expect(challenge).toMatchObject({ challenge_type: 'oob', oob_code: 'oob-1' });
    await client.mfa.verify({ mfaToken, oobCode: 'oob-1', bindingCode: CODES.binding });
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('a push not yet approved (authorization_pending) is no error of the session; a later try signs in', async () => {
    const client = sessionClient(server);
    const { mfaToken } = await mfaRequired(client);
    server.next.push(
      answer(400, { error: 'authorization_pending', error_description: 'Authorization pending' }),
    );
    const verify = () => client.mfa.verify({ mfaToken, oobCode: 'oob-1', bindingCode: CODES.binding });
    await expect(verify()).rejects.toMatchObject({ code: 'authorization_pending' });
    expect(client.getSnapshot()).toMatchObject({
      status: 'unauthenticated',
      error: { code: 'mfa_required' },
    });
    await verify();
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', error: undefined });
  });

  it('a wrong code changes nothing stored; the mfaToken can be used again', async () => {
    const client = sessionClient(server);
    const { mfaToken } = await mfaRequired(client);
    const before = await storedState(client);
    await expect(client.mfa.verify({ mfaToken, otp: '000000' })).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    expect(await storedState(client)).toEqual(before);
    await client.mfa.verify({ mfaToken, otp: CODES.totp });
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it("continues an mfa_required of getTokenSilently (a refresh) under that call's audience", async () => {
    const client = sessionClient(server);
    server.users.set('ada@example.com', { sub: 'user-1', password: 'right', mfa: false });
    await client.loginWithPassword({ ...ada, audience: 'https://api.example' });
    server.clock.advance(3600);
    server.mfaTokens.set('mfa-refresh', 'user-1');
    server.next.push(
      answer(403, { error: 'mfa_required', error_description: 'step up', mfa_token: 'mfa-refresh' }),
    );
    const api = { audience: 'https://api.example' };
    const error = await client.getTokenSilently({ authorizationParams: api }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MfaRequiredError);
    expect(error).toMatchObject({ mfaToken: 'mfa-refresh' });
    await client.mfa.verify({ mfaToken: 'mfa-refresh', otp: CODES.totp, ...api });
    expect(await client.getTokenSilently({ authorizationParams: api, cacheMode: 'cache-only' })).toMatch(
      /^at-/,
    );
  });

  it('names a bad argument', async () => {
    const client = sessionClient(server);
    await expect(client.mfa.getAuthenticators('' as never)).rejects.toThrow(/"mfaToken"/);
    await expect(client.mfa.enroll({ mfaToken: 'm', authenticatorTypes: [] })).rejects.toThrow(
      /"options.authenticatorTypes"/,
    );
    await expect(client.mfa.challenge({} as never)).rejects.toThrow(/"options.mfaToken"/);
    await expect(client.mfa.verify({ mfaToken: 'm' } as never)).rejects.toThrow(/"options.otp"/);
    await expect(client.mfa.verify({ mfaToken: 'm', otp: '1', recoveryCode: '2' } as never)).rejects.toThrow(
      /one of them/,
    );
    await expect(client.mfa.verify({ mfaToken: 'm', oobCode: 'o', bindingCode: 5 } as never)).rejects.toThrow(
      /"options.bindingCode"/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
