import { describe, expect, it } from 'vitest';
import { MfaRequiredError, passwordGrant, passwordRealmGrant } from '../index.js';
import { CLIENT, fakeFetch, json, oauthError, TOKENS } from './helpers/fakeFetch.js';

const credentials = { username: 'ada@example.com', password: 'pw' };

describe('passwordGrant', () => {
  it('posts grant_type=password form-encoded', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await expect(
      passwordGrant({ ...CLIENT, fetch, ...credentials, audience: 'https://api' }),
    ).resolves.toEqual(TOKENS);
    expect(requests[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(requests[0]?.body).toEqual({
      grant_type: 'password',
      client_id: 'client-1',
      ...credentials,
      audience: 'https://api',
    });
  });

  it('rejects wrong credentials with invalid_grant and too_many_attempts as sent', async () => {
    const wrong = fakeFetch(oauthError(403, 'invalid_grant', 'Wrong email or password.'));
    await expect(passwordGrant({ ...CLIENT, fetch: wrong.fetch, ...credentials })).rejects.toMatchObject({
      code: 'invalid_grant',
      description: 'Wrong email or password.',
    });
    const blocked = fakeFetch(oauthError(401, 'too_many_attempts', 'Your account has been blocked.'));
    await expect(passwordGrant({ ...CLIENT, fetch: blocked.fetch, ...credentials })).rejects.toMatchObject({
      code: 'too_many_attempts',
    });
  });

  it('refuses a missing password and a client assertion (this grant takes a secret only)', async () => {
    await expect(passwordGrant({ ...CLIENT, username: 'a' } as never)).rejects.toThrow(
      new TypeError('"options.password" must be a non-empty string'),
    );
    await expect(
      passwordGrant({ ...CLIENT, ...credentials, clientAssertion: 'h.p.s' } as never),
    ).rejects.toThrow(/"options.clientAssertion" must be left out: this endpoint takes a client secret only/);
  });
});

describe('passwordRealmGrant', () => {
  it('posts the password-realm grant with the realm', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await passwordRealmGrant({ ...CLIENT, fetch, ...credentials, realm: 'db', scope: 'openid' });
    expect(requests[0]?.body).toEqual({
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: 'client-1',
      ...credentials,
      realm: 'db',
      scope: 'openid',
    });
  });

  it('rejects mfa_required with an MfaRequiredError carrying the mfa_token', async () => {
    const { fetch } = fakeFetch(
      oauthError(403, 'mfa_required', 'Multifactor authentication required', { mfa_token: 'mt' }),
    );
    const error = await passwordRealmGrant({ ...CLIENT, fetch, ...credentials, realm: 'db' }).catch((e) => e);
    expect(error).toBeInstanceOf(MfaRequiredError);
    expect(error.mfaToken).toBe('mt');
  });

  it('refuses a missing realm, naming it', async () => {
    await expect(passwordRealmGrant({ ...CLIENT, ...credentials } as never)).rejects.toThrow(
      new TypeError('"options.realm" must be a non-empty string'),
    );
  });
});
