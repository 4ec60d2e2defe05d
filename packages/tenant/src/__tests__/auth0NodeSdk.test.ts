import * as https from 'node:https';
import { rootCertificates } from 'node:tls';
import { AuthApiError, AuthenticationClient, UserInfoClient } from 'auth0';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AUDIENCE,
  DEMO_CONNECTION,
  DEMO_M2M_CLIENT_ID,
  DEMO_M2M_CLIENT_SECRET,
  DEMO_USER_EMAIL,
  DEMO_USER_PASSWORD,
} from '../config/defaultConfig.js';
import type { OutboxMessage } from '../outbox/Outbox.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { PASSWORD_REALM, PASSWORDLESS_OTP } from './auth0Api.js';
import { trustingFetch } from './trustingFetch.js';

// The official Auth0 Node SDK (`auth0` 6.x, the last major with `AuthenticationClient` at its
// root), unmodified, against the tenant over https: it always builds `https://{domain}`.
const WEB = { clientId: 'sesame-node-web', clientSecret: 'node-web-secret-123' };
const OPENID = 'openid profile email offline_access';

let tenant: RunningTenant;
let domain: string;
let trusting: ReturnType<typeof trustingFetch>;
let savedCa: https.AgentOptions['ca'];

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    https: true,
    config: {
      clients: [
        {
          client_id: WEB.clientId,
          client_secret: WEB.clientSecret,
          app_type: 'regular_web',
          token_endpoint_auth_method: 'client_secret_post',
          grant_types: ['password', PASSWORD_REALM, 'refresh_token', PASSWORDLESS_OTP],
        },
      ],
    },
  });
  domain = new URL(tenant.url).host;
  trusting = trustingFetch(tenant.tls!.certificatePem);
  // The SDK's ID-token check fetches the JWKS with node:https's global agent (jose), not with
  // `agent`; trust the certificate there too, for this test file only (NODE_EXTRA_CA_CERTS would
  // do both for a whole process).
  savedCa = https.globalAgent.options.ca;
  https.globalAgent.options.ca = [...rootCertificates, tenant.tls!.certificatePem];
});
afterAll(async () => {
  https.globalAgent.options.ca = savedCa;
  await trusting?.agent.close();
  await tenant?.stop();
});

const client = (credentials = WEB) =>
  new AuthenticationClient({ domain, ...credentials, agent: trusting.agent });

async function lastMessage(to: string): Promise<OutboxMessage> {
  const response = await trusting.fetch(`${tenant.url}__dev/outbox?${new URLSearchParams({ to })}`);
  const messages = (await response.json()) as OutboxMessage[];
  return messages.at(-1)!;
}

async function verifiedAccessToken(token: string) {
  const jwks = jose.createLocalJWKSet(
    (await (await trusting.fetch(`${tenant.url}.well-known/jwks.json`)).json()) as jose.JSONWebKeySet,
  );
  return (await jose.jwtVerify(token, jwks, { issuer: tenant.url })).payload;
}

describe('the Auth0 Node SDK over https', () => {
  it('password-realm grant: tokens whose ID token the SDK validated, then refresh and revoke', async () => {
    const auth = client();
    const { data: tokens, status } = await auth.oauth.passwordGrant({
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
      realm: DEMO_CONNECTION,
      audience: DEMO_AUDIENCE,
      scope: OPENID,
    });
    expect(status).toBe(200);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    expect(jose.decodeJwt(tokens.id_token!)).toMatchObject({ iss: `https://${domain}/`, aud: WEB.clientId });
    expect((await verifiedAccessToken(tokens.access_token)).aud).toContain(DEMO_AUDIENCE);

    const { data: refreshed } = await auth.oauth.refreshTokenGrant({ refresh_token: tokens.refresh_token! });
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(jose.decodeJwt(refreshed.id_token!).sub).toBe(jose.decodeJwt(tokens.id_token!).sub);
    const current = refreshed.refresh_token ?? tokens.refresh_token!;

    const revoked = await auth.oauth.revokeRefreshToken({ token: current });
    expect(revoked.status).toBe(200);
    const refused = await auth.oauth.refreshTokenGrant({ refresh_token: current }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthApiError);
    expect(refused).toMatchObject({ error: 'invalid_grant' });
  });

  it('password grant errors arrive as AuthApiError with Auth0 fields', async () => {
    const refused = await client()
      .oauth.passwordGrant({ username: DEMO_USER_EMAIL, password: 'wrong', realm: DEMO_CONNECTION })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthApiError);
    expect(refused).toMatchObject({
      statusCode: 403,
      error: 'invalid_grant',
      error_description: 'Wrong email or password.',
    });
  });

  it('client credentials: an API token for the machine-to-machine application', async () => {
    const { data } = await client({
      clientId: DEMO_M2M_CLIENT_ID,
      clientSecret: DEMO_M2M_CLIENT_SECRET,
    }).oauth.clientCredentialsGrant({ audience: DEMO_AUDIENCE });
    const claims = await verifiedAccessToken(data.access_token);
    expect(claims).toMatchObject({ aud: DEMO_AUDIENCE, scope: 'read:messages write:messages' });
    expect(data.id_token).toBeUndefined();
  });

  it('sign-up and change password', async () => {
    const auth = client();
    const email = 'node-sdk@sesame.test';
    const { data: user } = await auth.database.signUp({
      email,
      password: 'Node-Sdk-Password-1!',
      connection: DEMO_CONNECTION,
    });
    expect(user).toMatchObject({ email, email_verified: false });
    const { data: message } = await auth.database.changePassword({ email, connection: DEMO_CONNECTION });
    // The SDK reads this answer as text; the tenant sends the seed's JSON string.
    expect(message).toContain("We've just sent you an email to reset your password.");
    expect(await lastMessage(email)).toMatchObject({ purpose: 'reset_password', link: expect.any(String) });
    // The new user can log in with the SDK.
    const { data } = await auth.oauth.passwordGrant({
      username: email,
      password: 'Node-Sdk-Password-1!',
      realm: DEMO_CONNECTION,
      scope: 'openid email',
    });
    expect(jose.decodeJwt(data.id_token!).email).toBe(email);
  });

  it('passwordless: a code by email and by SMS, then the OTP grant', async () => {
    const auth = client();
    const email = DEMO_USER_EMAIL;
    await auth.passwordless.sendEmail({ email, send: 'code' });
    const { data } = await auth.passwordless.loginWithEmail({
      email,
      code: (await lastMessage(email)).code!,
      scope: 'openid email',
    });
    expect(jose.decodeJwt(data.id_token!).email).toBe(email);

    const phone = '+15555550123';
    await auth.passwordless.sendSMS({ phone_number: phone });
    const { data: sms } = await auth.passwordless.loginWithSMS({
      phone_number: phone,
      code: (await lastMessage(phone)).code!,
      scope: 'openid',
    });
    expect(jose.decodeJwt(sms.id_token!).iss).toBe(`https://${domain}/`);
  });

  // Needs the tenant's Auth0 behaviours (issue 11, items 2, 3 and 8).
  describe('Auth0 answers', () => {
    it('an API access token with openid carries aud [api, "{issuer}userinfo"], the OIDC scopes and azp', async () => {
      const { data } = await client().oauth.passwordGrant({
        username: DEMO_USER_EMAIL,
        password: DEMO_USER_PASSWORD,
        realm: DEMO_CONNECTION,
        audience: DEMO_AUDIENCE,
        scope: 'openid profile email read:messages',
      });
      const claims = await verifiedAccessToken(data.access_token);
      expect(claims.aud).toEqual([DEMO_AUDIENCE, `${tenant.url}userinfo`]);
      expect(String(claims.scope).split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
      expect(claims.azp).toBe(WEB.clientId);
      const userInfo = new UserInfoClient({ domain, agent: trusting.agent });
      const { data: user } = await userInfo.getUserInfo(data.access_token);
      expect(user).toMatchObject({ email: DEMO_USER_EMAIL });
    });

    it('a revoked refresh token: 403 "Unknown or invalid refresh token."', async () => {
      const auth = client();
      const { data } = await auth.oauth.passwordGrant({
        username: DEMO_USER_EMAIL,
        password: DEMO_USER_PASSWORD,
        realm: DEMO_CONNECTION,
        scope: OPENID,
      });
      await auth.oauth.revokeRefreshToken({ token: data.refresh_token! });
      const refused = await auth.oauth
        .refreshTokenGrant({ refresh_token: data.refresh_token! })
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({
        statusCode: 403,
        error: 'invalid_grant',
        error_description: 'Unknown or invalid refresh token.',
      });
    });

    it('client credentials: sub {client_id}@clients and gty client-credentials', async () => {
      const { data } = await client({
        clientId: DEMO_M2M_CLIENT_ID,
        clientSecret: DEMO_M2M_CLIENT_SECRET,
      }).oauth.clientCredentialsGrant({ audience: DEMO_AUDIENCE });
      expect(await verifiedAccessToken(data.access_token)).toMatchObject({
        sub: `${DEMO_M2M_CLIENT_ID}@clients`,
        gty: 'client-credentials',
        azp: DEMO_M2M_CLIENT_ID,
      });
    });
  });
});
