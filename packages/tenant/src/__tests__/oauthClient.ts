import * as oauth from 'oauth4webapi';
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../config/defaultConfig.js';
import type { RunningTenant } from '../startTenant.js';
import { type Browser, formAction } from './browser.js';

export const REDIRECT_URI = 'http://127.0.0.1:5175/callback';
export const client: oauth.Client = { client_id: 'sesame-spa' };
export const insecure = { [oauth.allowInsecureRequests]: true } as const;

/** Discovers the tenant's metadata with oauth4webapi. */
export async function discover(tenant: RunningTenant): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(tenant.url);
  const response = await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oidc' });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** An authorization request with PKCE; returns the URL and the values to check the response. */
export async function authorizationUrl(as: oauth.AuthorizationServer, params: Record<string, string> = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid profile email',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  }).toString();
  return { url, verifier, state, nonce };
}

/** Submits the login form on `page` (the HTML of `/login/:uid`). */
export function submitLogin(
  browser: Browser,
  tenant: RunningTenant,
  page: string,
  password = DEMO_USER_PASSWORD,
) {
  return browser.follow(formAction(page, tenant.url), tenant, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action: 'login', username: DEMO_USER_EMAIL, password }),
  });
}

/** Logs in through the form and exchanges the code; returns the token response. */
export async function logIn(
  browser: Browser,
  tenant: RunningTenant,
  as: oauth.AuthorizationServer,
  params: Record<string, string> = {},
) {
  const request = await authorizationUrl(as, params);
  const { response: loginPage } = await browser.follow(request.url, tenant);
  const { url: callback } = await submitLogin(browser, tenant, await loginPage.text());
  return exchange(as, callback, request);
}

/** Validates an authorization response at `callback` and redeems the code. */
export async function exchange(
  as: oauth.AuthorizationServer,
  callback: URL,
  request: { verifier: string; state: string; nonce: string },
) {
  const params = oauth.validateAuthResponse(as, client, callback, request.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    REDIRECT_URI,
    request.verifier,
    insecure,
  );
  return oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: request.nonce });
}
