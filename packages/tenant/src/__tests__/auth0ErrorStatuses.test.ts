import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, DEMO_M2M_CLIENT_ID, DEMO_M2M_CLIENT_SECRET } from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { devReset, token } from './auth0Api.js';
import { Browser } from './browser.js';
import { authorizationUrl, discover, logIn, REDIRECT_URI, submitLogin } from './oauthClient.js';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());
beforeEach(() => devReset(tenant));

/** A code from a login, and the verifier it was asked with. */
async function codeFromLogin() {
  const browser = new Browser();
  const request = await authorizationUrl(as);
  const { response: page } = await browser.follow(request.url, tenant);
  const { url: callback } = await submitLogin(browser, tenant, await page.text());
  return { code: callback.searchParams.get('code')!, verifier: request.verifier };
}

const INVALID_REFRESH_TOKEN = {
  error: 'invalid_grant',
  error_description: 'Unknown or invalid refresh token.',
};

describe("Auth0's error statuses and descriptions on /oauth/token", () => {
  it('an unknown refresh token: 403 "Unknown or invalid refresh token."', async () => {
    const answer = await token(tenant, { grant_type: 'refresh_token', refresh_token: 'not-a-token' });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(INVALID_REFRESH_TOKEN);
  });

  it('a rotated refresh token presented again: the same 403 (auth0-spa-js then falls back to the iframe)', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid offline_access' });
    const first = await token(tenant, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
    expect(first.status).toBe(200);
    const reused = await token(tenant, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
    expect(reused.status).toBe(403);
    expect(reused.body).toEqual(INVALID_REFRESH_TOKEN);
    expect(reused.body.error_description).toMatch(/invalid refresh token/);
  });

  it('an unknown or used code: 403 "Invalid authorization code"', async () => {
    const { code, verifier } = await codeFromLogin();
    const params = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    };
    expect((await token(tenant, params)).status).toBe(200);
    const again = await token(tenant, params);
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
    const unknown = await token(tenant, { ...params, code: 'no-such-code' });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error_description).toBe('Invalid authorization code');
  });

  it('a wrong code_verifier: 403 "Failed to verify code verifier"', async () => {
    const { code } = await codeFromLogin();
    const answer = await token(tenant, {
      grant_type: 'authorization_code',
      code,
      code_verifier: oauth.generateRandomCodeVerifier(),
      redirect_uri: REDIRECT_URI,
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Failed to verify code verifier',
    });
  });

  it('a grant the application does not have: 403 unauthorized_client', async () => {
    const answer = await token(tenant, { grant_type: 'client_credentials', audience: DEMO_AUDIENCE });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: 'unauthorized_client',
      error_description: "Grant type 'client_credentials' not allowed for the client.",
    });
  });

  it('an unknown grant type: 501 unsupported_grant_type', async () => {
    const answer = await token(tenant, { grant_type: 'urn:example:nothing' });
    expect(answer.status).toBe(501);
    expect(answer.body.error).toBe('unsupported_grant_type');
  });

  it('an unknown audience: 403 access_denied "Service not found: …"', async () => {
    const answer = await token(tenant, {
      grant_type: 'client_credentials',
      client_id: DEMO_M2M_CLIENT_ID,
      client_secret: DEMO_M2M_CLIENT_SECRET,
      audience: 'https://unknown.test',
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: 'access_denied',
      error_description: 'Service not found: https://unknown.test',
    });
  });
});

describe("Auth0's errors on /authorize", () => {
  it('an unknown audience redirects with access_denied "Service not found: …"', async () => {
    const { url } = await authorizationUrl(as, { audience: 'https://unknown.test' });
    const { url: callback } = await new Browser().follow(url, tenant);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toBe('Service not found: https://unknown.test');
  });
});
