import * as jose from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, DEMO_USER_EMAIL } from '../config/defaultConfig.js';
import type { TenantStats } from '../dev/stats.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import { client, discover, insecure, logIn } from './oauthClient.js';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({ port: 0, config: { ttl: { accessToken: 2 } } });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());
beforeEach(async () => {
  await fetch(`${tenant.url}__dev/reset`, { method: 'POST' });
});

const stats = async () => (await (await fetch(`${tenant.url}__dev/stats`)).json()) as TenantStats;
const refresh = (refreshToken: string) =>
  oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, insecure);

describe('audience', () => {
  it('issues an RS256 JWT access token for the API that verifies against the JWKS', async () => {
    const tokens = await logIn(new Browser(), tenant, as, {
      audience: DEMO_AUDIENCE,
      scope: 'openid profile read:messages',
    });
    const jwks = jose.createRemoteJWKSet(new URL(as.jwks_uri!));
    const { payload, protectedHeader } = await jose.jwtVerify(tokens.access_token, jwks, {
      issuer: tenant.url,
      audience: DEMO_AUDIENCE,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.sub).toMatch(/^auth0\|/);
    expect(payload.scope).toBe('openid profile read:messages');
    expect(payload.exp! - payload.iat!).toBe(2);
    expect(tokens.scope?.split(' ')).toContain('read:messages');
  });

  it('refuses an unknown audience', async () => {
    const browser = new Browser();
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: 'sesame-spa',
      redirect_uri: 'http://127.0.0.1:5175/callback',
      response_type: 'code',
      scope: 'openid',
      audience: 'https://unknown.test',
      code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()),
      code_challenge_method: 'S256',
    }).toString();
    const { url: callback } = await browser.follow(url, tenant);
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('without audience issues an opaque access token that works at /userinfo', async () => {
    const tokens = await logIn(new Browser(), tenant, as);
    expect(tokens.access_token.split('.')).toHaveLength(1);
    const response = await oauth.userInfoRequest(as, client, tokens.access_token, insecure);
    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    const userinfo = await oauth.processUserInfoResponse(as, client, claims.sub, response);
    expect(userinfo).toMatchObject({ email: DEMO_USER_EMAIL, email_verified: true, name: 'Demo User' });
  });

  it('expires access tokens after the configured lifetime', async () => {
    const tokens = await logIn(new Browser(), tenant, as);
    expect(tokens.expires_in).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const response = await oauth.userInfoRequest(as, client, tokens.access_token, insecure);
    expect(response.status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('are issued for offline_access and rotated on every use', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid profile offline_access' });
    expect(tokens.refresh_token).toBeTypeOf('string');
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await refresh(tokens.refresh_token!),
    );
    expect(refreshed.refresh_token).toBeTypeOf('string');
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(oauth.getValidatedIdTokenClaims(refreshed)?.name).toBe('Demo User');
    expect((await stats()).grantTypes).toEqual({ authorization_code: 1, refresh_token: 1 });
  });

  it('keep the audience of the grant, also when the refresh request names it', async () => {
    const tokens = await logIn(new Browser(), tenant, as, {
      scope: 'openid offline_access read:messages',
      audience: DEMO_AUDIENCE,
    });
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
      ...insecure,
      additionalParameters: { audience: DEMO_AUDIENCE },
    });
    const refreshed = await oauth.processRefreshTokenResponse(as, client, response);
    expect(jose.decodeJwt(refreshed.access_token)).toMatchObject({
      aud: [DEMO_AUDIENCE, `${tenant.url}userinfo`],
      scope: 'openid read:messages',
    });
  });

  it('accept a refresh that asks for offline_access again, as Auth0 does', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid profile offline_access' });
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
      ...insecure,
      additionalParameters: { scope: 'openid profile offline_access' },
    });
    const refreshed = await oauth.processRefreshTokenResponse(as, client, response);
    expect(refreshed.refresh_token).toBeTypeOf('string');
    expect(refreshed.scope?.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile']));
  });

  it('detect reuse: the rotated token gets invalid_grant and the whole grant is revoked', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid offline_access' });
    const first = await oauth.processRefreshTokenResponse(as, client, await refresh(tokens.refresh_token!));

    await expect(
      oauth.processRefreshTokenResponse(as, client, await refresh(tokens.refresh_token!)),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(
      oauth.processRefreshTokenResponse(as, client, await refresh(first.refresh_token!)),
    ).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const userinfo = await oauth.userInfoRequest(as, client, first.access_token, insecure);
    expect(userinfo.status).toBe(401);

    expect(await stats()).toMatchObject({
      refreshTokenReuse: 1,
      invalidGrant: 2,
      grantTypes: { authorization_code: 1, refresh_token: 3 },
    });
  });

  it('are not issued without offline_access', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid profile' });
    expect(tokens.refresh_token).toBeUndefined();
  });
});

describe('revocation', () => {
  it('revokes a refresh token', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid offline_access' });
    const response = await oauth.revocationRequest(as, client, oauth.None(), tokens.refresh_token!, insecure);
    await oauth.processRevocationResponse(response);
    await expect(
      oauth.processRefreshTokenResponse(as, client, await refresh(tokens.refresh_token!)),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('revokes an access token', async () => {
    const tokens = await logIn(new Browser(), tenant, as);
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, oauth.None(), tokens.access_token, insecure),
    );
    expect((await oauth.userInfoRequest(as, client, tokens.access_token, insecure)).status).toBe(401);
  });
});

describe('/__dev/stats', () => {
  it('counts requests per route and grant type, preflights apart, and resets', async () => {
    await logIn(new Browser(), tenant, as);
    await fetch(as.token_endpoint!, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5175', 'access-control-request-method': 'POST' },
    });
    const counted = await stats();
    expect(counted.endpoints).toEqual({
      'GET /authorize': 1,
      'GET /login/:uid': 1,
      'POST /login/:uid': 1,
      'GET /authorize/:uid': 1,
      'POST /oauth/token': 1,
    });
    expect(counted).toMatchObject({
      totalRequests: 5,
      preflightRequests: 1,
      grantTypes: { authorization_code: 1 },
    });

    expect((await fetch(`${tenant.url}__dev/reset`, { method: 'POST' })).status).toBe(204);
    expect(await stats()).toMatchObject({
      totalRequests: 0,
      endpoints: {},
      grantTypes: {},
      refreshTokenReuse: 0,
    });
  });

  it('reset drops sessions: prompt=none then needs a login again', async () => {
    const browser = new Browser();
    await logIn(browser, tenant, as);
    await fetch(`${tenant.url}__dev/reset`, { method: 'POST' });
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: 'sesame-spa',
      redirect_uri: 'http://127.0.0.1:5175/callback',
      response_type: 'code',
      scope: 'openid',
      prompt: 'none',
      code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()),
      code_challenge_method: 'S256',
    }).toString();
    const { url: callback } = await browser.follow(url, tenant);
    expect(callback.searchParams.get('error')).toBe('login_required');
  });
});
