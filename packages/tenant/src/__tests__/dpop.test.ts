import * as jose from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AUDIENCE,
  DEMO_CONNECTION,
  DEMO_USER_EMAIL,
  DEMO_USER_PASSWORD,
} from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { lastMessage, PASSWORD_REALM, PASSWORDLESS_OTP, postJson } from './auth0Api.js';
import { Browser } from './browser.js';
import { authorizationUrl, client, discover, insecure, REDIRECT_URI, submitLogin } from './oauthClient.js';

let tenant: RunningTenant;
let withNonces: RunningTenant;

beforeAll(async () => {
  [tenant, withNonces] = await Promise.all([
    startTenant({ port: 0 }),
    startTenant({ port: 0, config: { dpop: { require_nonce: true } } }),
  ]);
});
afterAll(() => Promise.all([tenant?.stop(), withNonces?.stop()]));

/** A login whose code is redeemed with a DPoP proof of `key`. */
async function dpopLogin(server: RunningTenant, dpop: oauth.DPoPHandle) {
  const as = await discover(server);
  const browser = new Browser();
  const request = await authorizationUrl(as, {
    audience: DEMO_AUDIENCE,
    scope: 'openid profile offline_access read:messages',
  });
  const { response: page } = await browser.follow(request.url, server);
  const { url: callback } = await submitLogin(browser, server, await page.text());
  const params = oauth.validateAuthResponse(as, client, callback, request.state);
  const redeem = () =>
    oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT_URI, request.verifier, {
      ...insecure,
      DPoP: dpop,
    });
  let response = await redeem();
  const nonceAsked = response.status === 400 && response.headers.has('dpop-nonce');
  if (nonceAsked) {
    expect(await response.clone().json()).toMatchObject({ error: 'use_dpop_nonce' });
    // oauth4webapi keeps the nonce for the next proof.
    await oauth.processAuthorizationCodeResponse(as, client, response).catch(() => undefined);
    response = await redeem();
  }
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: request.nonce,
  });
  return { as, tokens, nonceAsked };
}

/** The demo user's password-realm login for the demo API, with a DPoP proof of `dpop`'s key. */
async function realmLogin(dpop: oauth.DPoPHandle, scope: string) {
  const as = await discover(tenant);
  const login = await oauth.genericTokenEndpointRequest(
    as,
    client,
    oauth.None(),
    PASSWORD_REALM,
    {
      realm: DEMO_CONNECTION,
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
      audience: DEMO_AUDIENCE,
      scope,
    },
    { ...insecure, DPoP: dpop },
  );
  return { as, status: login.status, tokens: (await login.json()) as Record<string, string | undefined> };
}

describe('DPoP', () => {
  it('binds the access and refresh tokens of a public client that sends a proof', async () => {
    const keyPair = await oauth.generateKeyPair('ES256');
    const dpop = oauth.DPoP(client, keyPair);
    const { as, tokens, nonceAsked } = await dpopLogin(tenant, dpop);
    expect(nonceAsked).toBe(false);
    expect(tokens.token_type.toLowerCase()).toBe('dpop');
    const thumbprint = await jose.calculateJwkThumbprint(await jose.exportJWK(keyPair.publicKey));
    expect(jose.decodeJwt(tokens.access_token).cnf).toEqual({ jkt: thumbprint });

    // The refresh token works only with a proof of the same key.
    const bare = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.None(),
      tokens.refresh_token!,
      insecure,
    );
    expect(bare.status).toBe(403);
    const other = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
    const wrongKey = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
      ...insecure,
      DPoP: other,
    });
    expect(wrongKey.status).toBe(403);
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
        ...insecure,
        DPoP: dpop,
      }),
    );
    expect(jose.decodeJwt(refreshed.access_token).cnf).toEqual({ jkt: thumbprint });
  });

  it('asks for a server nonce when the tenant requires one', async () => {
    const dpop = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
    const { tokens, nonceAsked } = await dpopLogin(withNonces, dpop);
    expect(nonceAsked).toBe(true);
    expect(tokens.token_type.toLowerCase()).toBe('dpop');
  });

  it('binds the tokens of the tenant’s own grants (password-realm) to the proof’s key', async () => {
    const keyPair = await oauth.generateKeyPair('ES256');
    const dpop = oauth.DPoP(client, keyPair);
    const { as, status, tokens } = await realmLogin(dpop, 'openid offline_access read:messages');
    expect(status).toBe(200);
    expect(tokens.token_type?.toLowerCase()).toBe('dpop');
    const thumbprint = await jose.calculateJwkThumbprint(await jose.exportJWK(keyPair.publicKey));
    expect(jose.decodeJwt(tokens.access_token!).cnf).toEqual({ jkt: thumbprint });

    const refresh = (options: oauth.TokenEndpointRequestOptions) =>
      oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
        ...insecure,
        ...options,
      });
    expect((await refresh({})).status).toBe(403);
    expect((await refresh({ DPoP: oauth.DPoP(client, await oauth.generateKeyPair('ES256')) })).status).toBe(
      403,
    );
    const refreshed = await oauth.processRefreshTokenResponse(as, client, await refresh({ DPoP: dpop }));
    expect(jose.decodeJwt(refreshed.access_token).cnf).toEqual({ jkt: thumbprint });
  });

  it('answers /userinfo for a DPoP-bound API token only with a proof of its key', async () => {
    const dpop = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
    const accessToken = (await realmLogin(dpop, 'openid email')).tokens.access_token ?? '';
    const url = new URL('userinfo', tenant.url);
    // A proof as oauth4webapi makes it for this request (captured, not sent).
    const proofBy = async (handle: oauth.DPoPHandle) => {
      let proof = '';
      await oauth.protectedResourceRequest(accessToken, 'GET', url, new Headers(), null, {
        ...insecure,
        DPoP: handle,
        [oauth.customFetch]: async (_href, init) => {
          proof = init.headers.dpop ?? '';
          return new Response('{}');
        },
      });
      return proof;
    };
    const userinfo = async (scheme: string, proof?: string) => {
      const response = await fetch(url, {
        headers: { authorization: `${scheme} ${accessToken}`, ...(proof && { dpop: proof }) },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const proof = await proofBy(dpop);
    expect(await userinfo('DPoP', proof)).toMatchObject({ status: 200, body: { email: DEMO_USER_EMAIL } });

    // The same proof again, a proof of another key, no proof, or as a Bearer token: refused.
    const refused = { status: 401, body: { error: 'invalid_dpop_proof' } };
    expect(await userinfo('DPoP', proof)).toMatchObject(refused);
    const otherKey = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
    expect(await userinfo('DPoP', await proofBy(otherKey))).toMatchObject(refused);
    expect(await userinfo('DPoP')).toMatchObject(refused);
    expect(await userinfo('Bearer')).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
  });

  it('asks a tenant grant for the nonce before it spends anything: the passwordless code still logs in on the retry', async () => {
    const email = 'nonce@sesame.test';
    await postJson(withNonces, '/passwordless/start', {
      client_id: client.client_id,
      connection: 'email',
      send: 'code',
      email,
    });
    const { code } = await lastMessage(withNonces, email);
    const as = await discover(withNonces);
    const dpop = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
    const otpLogin = () =>
      oauth.genericTokenEndpointRequest(
        as,
        client,
        oauth.None(),
        PASSWORDLESS_OTP,
        { realm: 'email', username: email, otp: code!, scope: 'openid' },
        { ...insecure, DPoP: dpop },
      );
    const challenged = await otpLogin();
    expect(challenged.status).toBe(400);
    expect(challenged.headers.has('dpop-nonce')).toBe(true);
    expect(await challenged.json()).toMatchObject({ error: 'use_dpop_nonce' });
    const retried = await otpLogin();
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as { token_type: string }).token_type.toLowerCase()).toBe('dpop');
  });
});
