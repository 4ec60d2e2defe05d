import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AUDIENCE,
  DEMO_CLIENT_ID,
  DEMO_DEVICE_CLIENT_ID,
  DEMO_USER_EMAIL,
} from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import { approve } from './deviceApproval.js';
import { REDIRECT_URI, submitLogin } from './oauthClient.js';

// panva's openid-client 6, a strict standards client, unmodified, against the tenant. The tenant
// is on http://127.0.0.1 here, which openid-client accepts only with allowInsecureRequests.
let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await startTenant({ port: 0, config: { device_flow: { interval: 1 } } });
});
afterAll(() => tenant?.stop());

const discover = (clientId: string) =>
  client.discovery(new URL(tenant.url), clientId, undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });

/** Code + PKCE through the login page as the demo user; the token response, its ID token checked. */
async function loggedIn(config: client.Configuration, params: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  });
  const browser = new Browser();
  const { response: loginPage } = await browser.follow(url, tenant);
  const { url: callback } = await submitLogin(browser, tenant, await loginPage.text());
  expect(callback.href.startsWith(REDIRECT_URI)).toBe(true);
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
}

describe('openid-client 6', () => {
  it('discovers the tenant', async () => {
    const config = await discover(DEMO_CLIENT_ID);
    expect(config.serverMetadata()).toMatchObject({
      issuer: tenant.url,
      authorization_endpoint: `${tenant.url}authorize`,
      token_endpoint: `${tenant.url}oauth/token`,
      userinfo_endpoint: `${tenant.url}userinfo`,
      revocation_endpoint: `${tenant.url}oauth/revoke`,
      device_authorization_endpoint: `${tenant.url}oauth/device/code`,
      jwks_uri: `${tenant.url}.well-known/jwks.json`,
    });
    expect(config.serverMetadata().supportsPKCE()).toBe(true);
  });

  it('code + PKCE, userinfo, refresh, then revocation ends the refresh token', async () => {
    const config = await discover(DEMO_CLIENT_ID);
    const tokens = await loggedIn(config);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: tenant.url, aud: DEMO_CLIENT_ID, email: DEMO_USER_EMAIL });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const user = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(user).toMatchObject({ sub: claims.sub, email: DEMO_USER_EMAIL });

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims()?.sub).toBe(claims.sub);
    const current = refreshed.refresh_token ?? tokens.refresh_token!;

    await client.tokenRevocation(config, current);
    const refused = await client.refreshTokenGrant(config, current).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(client.ResponseBodyError);
    expect(refused).toMatchObject({ error: 'invalid_grant' });
  });

  it('device authorization: the user approves at /activate while the client polls', async () => {
    const config = await discover(DEMO_DEVICE_CLIENT_ID);
    const code = await client.initiateDeviceAuthorization(config, { scope: 'openid profile email' });
    expect(code.verification_uri).toBe(`${tenant.url}activate`);
    const [tokens, page] = await Promise.all([
      client.pollDeviceAuthorizationGrant(config, code),
      approve(new Browser(), tenant, code),
    ]);
    expect(page).toMatch(/success|signed in|connected/i);
    expect(tokens.claims()).toMatchObject({ aud: DEMO_DEVICE_CLIENT_ID, email: DEMO_USER_EMAIL });
  });

  // Needs the tenant's Auth0 behaviours (issue 11, items 2 and 3).
  describe('Auth0 answers', () => {
    it('userinfo accepts an API access token (audience)', async () => {
      const config = await discover(DEMO_CLIENT_ID);
      const tokens = await loggedIn(config, { audience: DEMO_AUDIENCE });
      const user = await client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
      expect(user).toMatchObject({ email: DEMO_USER_EMAIL });
    });

    it('a revoked refresh token: 403 "Unknown or invalid refresh token."', async () => {
      const config = await discover(DEMO_CLIENT_ID);
      const { refresh_token } = await loggedIn(config);
      await client.tokenRevocation(config, refresh_token!);
      const refused = await client.refreshTokenGrant(config, refresh_token!).catch((e: unknown) => e);
      expect(refused).toMatchObject({
        status: 403,
        error: 'invalid_grant',
        error_description: 'Unknown or invalid refresh token.',
      });
    });
  });
});
