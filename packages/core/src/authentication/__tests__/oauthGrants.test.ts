import { describe, expect, it } from 'vitest';
import {
  authorizationCodeGrant,
  clientCredentialsGrant,
  refreshTokenGrant,
  tokenExchangeGrant,
} from '../index.js';
import { CLIENT, fakeFetch, json, oauthError, TOKENS } from './helpers/fakeFetch.js';

describe('authorizationCodeGrant', () => {
  it('posts the PKCE code exchange without client authentication', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await authorizationCodeGrant({
      ...CLIENT,
      fetch,
      code: 'c',
      code_verifier: 'v',
      redirect_uri: 'https://app/cb',
    });
    expect(requests[0]?.body).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client-1',
      code: 'c',
      code_verifier: 'v',
      redirect_uri: 'https://app/cb',
    });
  });

  it('rejects a used code with invalid_grant', async () => {
    const { fetch } = fakeFetch(oauthError(403, 'invalid_grant', 'Invalid authorization code'));
    await expect(
      authorizationCodeGrant({ ...CLIENT, fetch, code: 'c', code_verifier: 'v' }),
    ).rejects.toMatchObject({
      code: 'invalid_grant',
    });
  });

  it('wants exactly one of code_verifier and clientSecret', async () => {
    await expect(authorizationCodeGrant({ ...CLIENT, code: 'c' } as never)).rejects.toThrow(
      /"options.code_verifier" must be given \(PKCE\), or else "options.clientSecret"/,
    );
    await expect(
      authorizationCodeGrant({ ...CLIENT, code: 'c', code_verifier: 'v', clientSecret: 's' } as never),
    ).rejects.toThrow(/"options.code_verifier"/);
  });
});

describe('clientCredentialsGrant', () => {
  it('is refused in a browser page, and without a secret', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await expect(
      clientCredentialsGrant({ ...CLIENT, fetch, clientSecret: 's', audience: 'https://api' }),
    ).rejects.toThrow(/"options.clientSecret" must not be used in a browser page/);
    await expect(
      clientCredentialsGrant({ ...CLIENT, fetch, audience: 'https://api' } as never),
    ).rejects.toThrow(new TypeError('"options.clientSecret" must be a non-empty string'));
    expect(requests).toHaveLength(0);
  });
});

describe('refreshTokenGrant', () => {
  it('posts the refresh token and returns the rotated tokens', async () => {
    const { fetch, requests } = fakeFetch(json({ ...TOKENS, refresh_token: 'refresh-2' }));
    const tokens = await refreshTokenGrant({ ...CLIENT, fetch, refresh_token: 'refresh-1', scope: 'openid' });
    expect(tokens.refresh_token).toBe('refresh-2');
    expect(requests[0]?.body).toEqual({
      grant_type: 'refresh_token',
      client_id: 'client-1',
      refresh_token: 'refresh-1',
      scope: 'openid',
    });
  });

  it('rejects a reused refresh token with invalid_grant, the token not in the message', async () => {
    const { fetch } = fakeFetch(oauthError(403, 'invalid_grant', 'Unknown or invalid refresh token.'));
    const error = await refreshTokenGrant({ ...CLIENT, fetch, refresh_token: 'refresh-1' }).catch((e) => e);
    expect(error.code).toBe('invalid_grant');
    expect(error.message).not.toContain('refresh-1');
  });

  it('refuses a missing refresh_token, naming it', async () => {
    await expect(refreshTokenGrant({ ...CLIENT } as never)).rejects.toThrow(
      new TypeError('"options.refresh_token" must be a non-empty string'),
    );
  });
});

describe('tokenExchangeGrant', () => {
  it('posts the token-exchange grant', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await tokenExchangeGrant({
      ...CLIENT,
      fetch,
      subject_token: 'apple',
      subject_token_type: 'http://auth0.com/oauth/token-type/apple-authz-code',
      scope: 'openid',
    });
    expect(requests[0]?.body).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      client_id: 'client-1',
      subject_token: 'apple',
      subject_token_type: 'http://auth0.com/oauth/token-type/apple-authz-code',
      scope: 'openid',
    });
  });

  it('rejects a refused subject token with invalid_grant', async () => {
    const { fetch } = fakeFetch(oauthError(403, 'invalid_grant'));
    await expect(
      tokenExchangeGrant({ ...CLIENT, fetch, subject_token: 'x', subject_token_type: 'y' }),
    ).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('refuses a missing subject_token_type, naming it', async () => {
    await expect(tokenExchangeGrant({ ...CLIENT, subject_token: 'x' } as never)).rejects.toThrow(
      new TypeError('"options.subject_token_type" must be a non-empty string'),
    );
  });
});
