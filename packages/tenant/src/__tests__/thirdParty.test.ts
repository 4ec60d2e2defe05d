import * as jose from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser, formAction } from './browser.js';
import { discover, insecure, submitLogin } from './oauthClient.js';

const REDIRECT_URI = 'http://127.0.0.1:6300/callback';
const partner: oauth.Client = { client_id: 'partner-app' };

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    config: {
      ttl: { idToken: 120 },
      clients: [
        { client_id: 'partner-app', name: 'Partner App', callbacks: [REDIRECT_URI], is_first_party: false },
      ],
    },
  });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());

async function start(browser: Browser) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: partner.client_id,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid email read:messages',
    audience: 'https://api.sesame.test',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  }).toString();
  const { response: page } = await browser.follow(url, tenant);
  const { response: consent } = await submitLogin(browser, tenant, await page.text());
  return { verifier, state, consent };
}

describe('third-party applications', () => {
  it('are asked for consent after the login, and get tokens once it is given', async () => {
    const browser = new Browser();
    const { verifier, state, consent } = await start(browser);
    const html = await consent.text();
    expect(html).toContain('Authorize Partner App');
    expect(html).toContain('read:messages');

    const { url: callback } = await browser.follow(formAction(html, tenant.url), tenant, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'consent' }),
    });
    const params = oauth.validateAuthResponse(as, partner, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      partner,
      oauth.None(),
      params,
      REDIRECT_URI,
      verifier,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, partner, response, {
      expectedNonce: oauth.expectNoNonce,
    });
    expect(jose.decodeJwt(tokens.access_token)).toMatchObject({
      aud: ['https://api.sesame.test', `${tenant.url}userinfo`],
      scope: 'openid email read:messages',
    });
    const idToken = jose.decodeJwt(tokens.id_token!);
    expect(idToken.exp! - idToken.iat!).toBe(120);
  });

  it('get access_denied when consent is declined', async () => {
    const browser = new Browser();
    const { state, consent } = await start(browser);
    const { url: callback } = await browser.follow(formAction(await consent.text(), tenant.url), tenant, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'deny' }),
    });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(state);
  });
});
