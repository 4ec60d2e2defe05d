import { describe, expect, it } from 'vitest';
import {
  mfaAssociate,
  mfaChallenge,
  mfaDeleteAuthenticator,
  mfaListAuthenticators,
  mfaOobGrant,
  mfaOtpGrant,
  mfaRecoveryCodeGrant,
} from '../index.js';
import { CLIENT, DOMAIN, fakeFetch, json, oauthError, TOKENS } from './helpers/fakeFetch.js';

const MFA = { ...CLIENT, mfa_token: 'mfa-1' };

describe('mfaListAuthenticators', () => {
  it('gets the authenticators with the bearer token', async () => {
    const list = [{ id: 'totp|dev_1', authenticator_type: 'otp', active: true }];
    const { fetch, requests } = fakeFetch(json(list));
    await expect(mfaListAuthenticators({ domain: DOMAIN, fetch, access_token: 'at' })).resolves.toEqual(list);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe('/mfa/authenticators');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer at');
  });

  it('rejects an invalid token and an answer that is not a list', async () => {
    const denied = fakeFetch(oauthError(401, 'invalid_token', 'jwt expired'));
    await expect(
      mfaListAuthenticators({ domain: DOMAIN, fetch: denied.fetch, access_token: 'at' }),
    ).rejects.toMatchObject({
      code: 'invalid_token',
    });
    const odd = fakeFetch(json({ id: 1 }));
    await expect(
      mfaListAuthenticators({ domain: DOMAIN, fetch: odd.fetch, access_token: 'at' }),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('refuses a missing access_token, naming it', async () => {
    await expect(mfaListAuthenticators({ domain: DOMAIN } as never)).rejects.toThrow(
      new TypeError('"options.access_token" must be a non-empty string'),
    );
  });
});

describe('mfaDeleteAuthenticator', () => {
  it('deletes the authenticator by id (encoded in the path)', async () => {
    const { fetch, requests } = fakeFetch(new Response(null, { status: 204 }));
    await expect(
      mfaDeleteAuthenticator({ domain: DOMAIN, fetch, access_token: 'at', authenticator_id: 'totp|dev_1' }),
    ).resolves.toBeUndefined();
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.url.pathname).toBe('/mfa/authenticators/totp%7Cdev_1');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer at');
  });

  it('rejects a missing scope with the server code', async () => {
    const { fetch } = fakeFetch(oauthError(403, 'access_denied', 'Insufficient scope'));
    await expect(
      mfaDeleteAuthenticator({ domain: DOMAIN, fetch, access_token: 'at', authenticator_id: 'x' }),
    ).rejects.toMatchObject({ code: 'access_denied' });
  });

  it('refuses a missing authenticator_id, naming it', async () => {
    await expect(mfaDeleteAuthenticator({ domain: DOMAIN, access_token: 'at' } as never)).rejects.toThrow(
      new TypeError('"options.authenticator_id" must be a non-empty string'),
    );
  });
});

describe('mfaAssociate', () => {
  it('posts the authenticator types as JSON with the mfa_token as bearer', async () => {
    const answer = {
      authenticator_type: 'otp',
      secret: 'JBSWY3DP',
      barcode_uri: 'otpauth://totp/x',
      recovery_codes: ['R1'],
    };
    const { fetch, requests } = fakeFetch(json(answer));
    await expect(mfaAssociate({ ...MFA, fetch, authenticator_types: ['otp'] })).resolves.toEqual(answer);
    expect(requests[0]?.url.pathname).toBe('/mfa/associate');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer mfa-1');
    expect(requests[0]?.body).toEqual({ client_id: 'client-1', authenticator_types: ['otp'] });
  });

  it('takes an access token instead, with oob channels and phone number', async () => {
    const { fetch, requests } = fakeFetch(
      json({ authenticator_type: 'oob', oob_channel: 'sms', oob_code: 'o' }),
    );
    await mfaAssociate({
      ...CLIENT,
      fetch,
      access_token: 'at',
      authenticator_types: ['oob'],
      oob_channels: ['sms'],
      phone_number: '+15550100',
    });
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer at');
    expect(requests[0]?.body).toMatchObject({ oob_channels: ['sms'], phone_number: '+15550100' });
  });

  it('rejects an expired mfa_token with the server code', async () => {
    const { fetch } = fakeFetch(oauthError(401, 'expired_token', 'mfa_token is expired'));
    await expect(mfaAssociate({ ...MFA, fetch, authenticator_types: ['otp'] })).rejects.toMatchObject({
      code: 'expired_token',
    });
  });

  it.each([
    [
      { authenticator_types: ['otp'], mfa_token: undefined },
      /"options.mfa_token" must be given, or else "options.access_token"/,
    ],
    [{ authenticator_types: ['otp'], access_token: 'at' }, /"options.mfa_token" must be given, or else/],
    [{ authenticator_types: [] }, /"options.authenticator_types" must be an array of non-empty strings/],
    [{ authenticator_types: 'otp' }, /"options.authenticator_types" must be an array/],
  ])('refuses %j with a TypeError naming the option', async (bad, message) => {
    await expect(mfaAssociate({ ...MFA, ...bad } as never)).rejects.toThrow(message);
  });
});

describe('mfaChallenge', () => {
  it('posts the challenge as JSON and returns the oob_code', async () => {
    const { fetch, requests } = fakeFetch(
      json({ challenge_type: 'oob', oob_code: 'oob-1', binding_method: 'prompt' }),
    );
    const challenge = await mfaChallenge({
      ...MFA,
      fetch,
      challenge_type: 'oob',
      authenticator_id: 'sms|dev_1',
    });
    expect(challenge).toEqual({ challenge_type: 'oob', oob_code: 'oob-1', binding_method: 'prompt' });
    expect(requests[0]?.body).toEqual({
      client_id: 'client-1',
      mfa_token: 'mfa-1',
      challenge_type: 'oob',
      authenticator_id: 'sms|dev_1',
    });
  });

  it('rejects association_required and unsupported_challenge_type with the server code', async () => {
    for (const code of ['association_required', 'unsupported_challenge_type']) {
      const { fetch } = fakeFetch(oauthError(400, code));
      await expect(mfaChallenge({ ...MFA, fetch })).rejects.toMatchObject({ code });
    }
  });

  it('refuses a missing mfa_token, naming it', async () => {
    await expect(mfaChallenge({ ...CLIENT } as never)).rejects.toThrow(
      new TypeError('"options.mfa_token" must be a non-empty string'),
    );
  });
});

describe('MFA grants', () => {
  it('mfaOtpGrant posts the mfa-otp grant', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await expect(mfaOtpGrant({ ...MFA, fetch, otp: '123456' })).resolves.toEqual(TOKENS);
    expect(requests[0]?.body).toEqual({
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp',
      client_id: 'client-1',
      mfa_token: 'mfa-1',
      otp: '123456',
    });
  });

  it('mfaOobGrant posts the mfa-oob grant with the binding code, and passes authorization_pending on', async () => {
    const { fetch, requests } = fakeFetch(oauthError(400, 'authorization_pending'), json(TOKENS));
    const options = { ...MFA, fetch, oob_code: 'oob-1', binding_code: '000000' };
    await expect(mfaOobGrant(options)).rejects.toMatchObject({ code: 'authorization_pending' });
    await expect(mfaOobGrant(options)).resolves.toEqual(TOKENS);
    expect(requests[1]?.body).toEqual({
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-oob',
      client_id: 'client-1',
      mfa_token: 'mfa-1',
      oob_code: 'oob-1',
      binding_code: '000000',
    });
  });

  it('mfaRecoveryCodeGrant posts the recovery code and returns the new one', async () => {
    const { fetch, requests } = fakeFetch(json({ ...TOKENS, recovery_code: 'NEW' }));
    const tokens = await mfaRecoveryCodeGrant({ ...MFA, fetch, recovery_code: 'OLD' });
    expect(tokens.recovery_code).toBe('NEW');
    expect(requests[0]?.body).toMatchObject({
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
      recovery_code: 'OLD',
    });
  });

  it('rejects a wrong code with invalid_grant', async () => {
    const { fetch } = fakeFetch(oauthError(403, 'invalid_grant', 'Invalid otp_code.'));
    await expect(mfaOtpGrant({ ...MFA, fetch, otp: '000000' })).rejects.toMatchObject({
      code: 'invalid_grant',
      description: 'Invalid otp_code.',
    });
  });

  it.each([
    [mfaOtpGrant, 'otp'],
    [mfaOobGrant, 'oob_code'],
    [mfaRecoveryCodeGrant, 'recovery_code'],
  ] as const)('%o refuses a missing %s, naming it', async (grant, name) => {
    await expect(grant({ ...MFA } as never)).rejects.toThrow(
      new TypeError(`"options.${name}" must be a non-empty string`),
    );
  });
});
