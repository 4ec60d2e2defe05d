import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_EMAIL } from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import {
  authorizationUrl,
  client,
  discover,
  exchange,
  insecure,
  logIn,
  REDIRECT_URI,
  submitLogin,
} from './oauthClient.js';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());

describe('discovery', () => {
  it('serves the Auth0 endpoints with an issuer that ends in a slash', () => {
    expect(tenant.url).toBe(`http://127.0.0.1:${tenant.port}/`);
    expect(as).toMatchObject({
      issuer: tenant.url,
      authorization_endpoint: `${tenant.url}authorize`,
      token_endpoint: `${tenant.url}oauth/token`,
      userinfo_endpoint: `${tenant.url}userinfo`,
      jwks_uri: `${tenant.url}.well-known/jwks.json`,
      revocation_endpoint: `${tenant.url}oauth/revoke`,
      end_session_endpoint: `${tenant.url}oidc/logout`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(as.response_modes_supported).toContain('web_message');
  });

  it("names Auth0's MFA challenge endpoint and DPoP's signing algorithms", () => {
    expect(as.mfa_challenge_endpoint).toBe(`${tenant.url}mfa/challenge`);
    expect(as.dpop_signing_alg_values_supported).toEqual(expect.arrayContaining(['ES256']));
  });

  it('publishes an RS256 public key without private parts', async () => {
    const jwks = (await (await fetch(as.jwks_uri!)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});

describe('login form', () => {
  it('logs in with the demo user through the form and returns tokens with profile claims', async () => {
    const browser = new Browser();
    const request = await authorizationUrl(as);
    const { response: page, url: loginUrl } = await browser.follow(request.url, tenant);
    expect(loginUrl.pathname).toMatch(/^\/login\//);
    const html = await page.text();
    expect(html).toContain('Sesame');
    expect(html).toContain('Sesame Demo');

    const { url: callback, response } = await submitLogin(browser, tenant, html);
    expect(response.status).toBe(303);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('iss')).toBe(tenant.url);

    const tokens = await exchange(as, callback, request);
    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(claims).toMatchObject({
      iss: tenant.url,
      aud: 'sesame-spa',
      email: DEMO_USER_EMAIL,
      name: 'Demo User',
    });
    expect(claims.sub).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('shows an error on the form for a wrong password and issues no code', async () => {
    const browser = new Browser();
    const { url } = await authorizationUrl(as);
    const { response: page } = await browser.follow(url, tenant);
    const { response, url: after } = await submitLogin(browser, tenant, await page.text(), 'wrong-password');
    expect(response.status).toBe(401);
    expect(after.pathname).toMatch(/^\/login\//);
    const html = await response.text();
    expect(html).toContain('Wrong email or password.');
    expect(html).toContain(`value="${DEMO_USER_EMAIL}"`);
    expect(browser.hasSession(tenant)).toBe(false);
  });
});

describe('prompt=none', () => {
  it('answers login_required without a session', async () => {
    const browser = new Browser();
    const request = await authorizationUrl(as, { prompt: 'none' });
    const { url: callback } = await browser.follow(request.url, tenant);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('login_required');
  });

  it('answers a code with a session', async () => {
    const browser = new Browser();
    await logIn(browser, tenant, as);
    const request = await authorizationUrl(as, { prompt: 'none' });
    const { url: callback } = await browser.follow(request.url, tenant);
    const tokens = await exchange(as, callback, request);
    expect(oauth.getValidatedIdTokenClaims(tokens)?.email).toBe(DEMO_USER_EMAIL);
  });
});

describe('PKCE and redirect URIs', () => {
  async function codeFor(browser: Browser) {
    await logIn(browser, tenant, as);
    const request = await authorizationUrl(as, { prompt: 'none' });
    const { url: callback } = await browser.follow(request.url, tenant);
    return { request, params: oauth.validateAuthResponse(as, client, callback, request.state) };
  }

  it('rejects a token request without a code_verifier', async () => {
    const { params } = await codeFor(new Browser());
    const response = await fetch(as.token_endpoint!, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'sesame-spa',
        code: params.get('code')!,
        redirect_uri: REDIRECT_URI,
      }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Failed to verify code verifier',
    });
  });

  it('rejects a wrong code_verifier', async () => {
    const { params } = await codeFor(new Browser());
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      REDIRECT_URI,
      oauth.generateRandomCodeVerifier(),
      insecure,
    );
    await expect(oauth.processAuthorizationCodeResponse(as, client, response)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('rejects an authorization request without a code_challenge', async () => {
    const { url } = await authorizationUrl(as);
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const { url: callback } = await new Browser().follow(url, tenant);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
  });

  it('accepts the bare origin as redirect_uri, the default of SPA libraries (location.origin)', async () => {
    const { url } = await authorizationUrl(as, { redirect_uri: 'http://127.0.0.1:5174' });
    const { response, url: landed } = await new Browser().follow(url, tenant);
    expect(response.status).toBe(200);
    expect(landed.pathname).toMatch(/^\/login\//);
  });

  it('refuses an unregistered redirect_uri with an error page, never redirecting to it', async () => {
    const { url } = await authorizationUrl(as, { redirect_uri: 'http://127.0.0.1:5175/elsewhere' });
    const { response, url: landed } = await new Browser().follow(url, tenant);
    expect(landed.origin).toBe(new URL(tenant.url).origin);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri did not match any of the client');
  });
});
