import * as jose from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_AUDIENCE,
  DEMO_CONNECTION,
  DEMO_M2M_CLIENT_ID,
  DEMO_M2M_CLIENT_SECRET,
  DEMO_USER_EMAIL,
  DEMO_USER_PASSWORD,
} from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { devReset, PASSWORD_REALM, token } from './auth0Api.js';
import { Browser } from './browser.js';
import { client, discover, insecure, logIn } from './oauthClient.js';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    config: {
      clients: [
        { client_id: 'sesame-spa', grant_types: ['authorization_code', 'refresh_token', PASSWORD_REALM] },
      ],
    },
  });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());
beforeEach(() => devReset(tenant));

const verify = (accessToken: string) =>
  jose.jwtVerify(accessToken, jose.createRemoteJWKSet(new URL(as.jwks_uri!)), {
    issuer: tenant.url,
    audience: DEMO_AUDIENCE,
  });
const realmLogin = (scope: string) =>
  token(tenant, {
    grant_type: PASSWORD_REALM,
    realm: DEMO_CONNECTION,
    username: DEMO_USER_EMAIL,
    password: DEMO_USER_PASSWORD,
    audience: DEMO_AUDIENCE,
    scope,
  });
const userinfo = (accessToken: string) =>
  fetch(new URL('userinfo', tenant.url), { headers: { authorization: `Bearer ${accessToken}` } });

describe("an API access token with openid is Auth0's", () => {
  it('aud [api, "{issuer}userinfo"], the OIDC scopes in scope, azp; and it works at /userinfo', async () => {
    const tokens = await logIn(new Browser(), tenant, as, {
      audience: DEMO_AUDIENCE,
      scope: 'openid profile email read:messages',
    });
    const { payload } = await verify(tokens.access_token);
    expect(payload.aud).toEqual([DEMO_AUDIENCE, `${tenant.url}userinfo`]);
    expect(payload.scope).toBe('openid profile email read:messages');
    expect(payload.azp).toBe('sesame-spa');
    expect(tokens.scope?.split(' ')).toEqual(['openid', 'profile', 'email', 'read:messages']);

    const response = await userinfo(tokens.access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      sub: payload.sub,
      email: DEMO_USER_EMAIL,
      email_verified: true,
      name: 'Demo User',
    });
  });

  it('keeps that shape after a refresh', async () => {
    const tokens = await logIn(new Browser(), tenant, as, {
      audience: DEMO_AUDIENCE,
      scope: 'openid email offline_access read:messages',
    });
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.None(),
      tokens.refresh_token!,
      insecure,
    );
    const refreshed = await oauth.processRefreshTokenResponse(as, client, response);
    const { payload } = await verify(refreshed.access_token);
    expect(payload.aud).toEqual([DEMO_AUDIENCE, `${tenant.url}userinfo`]);
    expect(payload.scope).toContain('openid email');
    expect(payload.scope).toContain('read:messages');
    const claims = (await (await userinfo(refreshed.access_token)).json()) as Record<string, unknown>;
    expect(claims).toMatchObject({ email: DEMO_USER_EMAIL });
    // Only the claims of the granted scopes: no profile.
    expect(claims).not.toHaveProperty('name');
  });

  it('from the password-realm grant too', async () => {
    const answer = await realmLogin('openid profile read:messages');
    expect(answer.status).toBe(200);
    const { payload } = await verify(answer.body.access_token!);
    expect(payload).toMatchObject({
      aud: [DEMO_AUDIENCE, `${tenant.url}userinfo`],
      scope: 'openid profile read:messages',
      azp: 'sesame-spa',
    });
    expect((await userinfo(answer.body.access_token!)).status).toBe(200);
  });

  it('without openid the audience is the API alone, and /userinfo refuses it', async () => {
    const answer = await realmLogin('read:messages');
    const { payload } = await verify(answer.body.access_token!);
    expect(payload.aud).toBe(DEMO_AUDIENCE);
    expect((await userinfo(answer.body.access_token!)).status).toBe(401);
  });

  it('/userinfo refuses a tampered API token', async () => {
    const tokens = await logIn(new Browser(), tenant, as, {
      audience: DEMO_AUDIENCE,
      scope: 'openid profile',
    });
    const [header, body, signature] = tokens.access_token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'auth0|someone-else' })).toString(
      'base64url',
    );
    const response = await userinfo(`${header}.${forged}.${signature}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });
});

describe('machine-to-machine tokens', () => {
  it('sub is {client_id}@clients, gty client-credentials, azp the application', async () => {
    const answer = await token(tenant, {
      grant_type: 'client_credentials',
      client_id: DEMO_M2M_CLIENT_ID,
      client_secret: DEMO_M2M_CLIENT_SECRET,
      audience: DEMO_AUDIENCE,
    });
    const { payload } = await verify(answer.body.access_token!);
    expect(payload).toMatchObject({
      sub: `${DEMO_M2M_CLIENT_ID}@clients`,
      gty: 'client-credentials',
      azp: DEMO_M2M_CLIENT_ID,
      aud: DEMO_AUDIENCE,
    });
  });
});
