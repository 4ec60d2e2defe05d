import { describe, expect, it } from 'vitest';
import { MfaRequiredError, passwordlessOtpGrant, passwordlessStart } from '../index.js';
import { CLIENT, fakeFetch, json, oauthError, TOKENS } from './helpers/fakeFetch.js';

describe('passwordlessStart', () => {
  it('posts an email code request as JSON', async () => {
    const { fetch, requests } = fakeFetch(
      json({ _id: '1', email: 'ada@example.com', email_verified: false }),
    );
    const result = await passwordlessStart({
      ...CLIENT,
      fetch,
      connection: 'email',
      email: 'ada@example.com',
      send: 'code',
    });
    expect(result.email).toBe('ada@example.com');
    expect(requests[0]?.url.pathname).toBe('/passwordless/start');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({
      client_id: 'client-1',
      connection: 'email',
      email: 'ada@example.com',
      send: 'code',
    });
  });

  it('posts an SMS request with the phone number and link parameters', async () => {
    const { fetch, requests } = fakeFetch(json({ _id: '1', phone_number: '+15550100' }));
    await passwordlessStart({
      ...CLIENT,
      fetch,
      connection: 'sms',
      phone_number: '+15550100',
      authParams: { scope: 'openid' },
    });
    expect(requests[0]?.body).toEqual({
      client_id: 'client-1',
      connection: 'sms',
      phone_number: '+15550100',
      authParams: { scope: 'openid' },
    });
  });

  it('rejects with the server error and rate_limited on 429', async () => {
    const bad = fakeFetch(oauthError(400, 'bad.email', 'email is invalid'));
    await expect(
      passwordlessStart({ ...CLIENT, fetch: bad.fetch, connection: 'email', email: 'x' }),
    ).rejects.toMatchObject({
      code: 'bad.email',
      description: 'email is invalid',
    });
    const limited = fakeFetch(oauthError(429, 'too_many_requests'));
    await expect(
      passwordlessStart({ ...CLIENT, fetch: limited.fetch, connection: 'email', email: 'a@b.c' }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it.each([
    [{ connection: 'email' }, /"options.email" must be given when connection is email/],
    [{ connection: 'sms' }, /"options.phone_number" must be given when connection is sms/],
    [{ connection: 'email', email: 'a@b.c', send: 'sms' }, /"options.send" must be "link" or "code"/],
    [{ email: 'a@b.c' }, /"options.connection" must be a non-empty string/],
  ])('refuses %j with a TypeError naming the option', async (bad, message) => {
    await expect(passwordlessStart({ ...CLIENT, ...bad } as never)).rejects.toThrow(message);
  });
});

describe('passwordlessOtpGrant', () => {
  it('posts the passwordless OTP grant as JSON and returns the tokens unvalidated', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    const tokens = await passwordlessOtpGrant({
      ...CLIENT,
      fetch,
      realm: 'email',
      username: 'ada@example.com',
      otp: '123456',
      scope: 'openid profile',
    });
    expect(tokens).toEqual(TOKENS);
    expect(requests[0]?.url.pathname).toBe('/oauth/token');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({
      grant_type: 'http://auth0.com/oauth/grant-type/passwordless/otp',
      client_id: 'client-1',
      realm: 'email',
      username: 'ada@example.com',
      otp: '123456',
      scope: 'openid profile',
    });
  });

  it('rejects a wrong code with invalid_grant and mfa_required with MfaRequiredError', async () => {
    const wrong = fakeFetch(oauthError(403, 'invalid_grant', 'Wrong email or verification code.'));
    const options = { ...CLIENT, realm: 'email', username: 'a@b.c', otp: '0' };
    await expect(passwordlessOtpGrant({ ...options, fetch: wrong.fetch })).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    const mfa = fakeFetch(oauthError(403, 'mfa_required', 'MFA', { mfa_token: 'm' }));
    await expect(passwordlessOtpGrant({ ...options, fetch: mfa.fetch })).rejects.toBeInstanceOf(
      MfaRequiredError,
    );
  });

  it('refuses a missing otp, naming it', async () => {
    await expect(
      passwordlessOtpGrant({ ...CLIENT, realm: 'email', username: 'a@b.c' } as never),
    ).rejects.toThrow(new TypeError('"options.otp" must be a non-empty string'));
  });
});
