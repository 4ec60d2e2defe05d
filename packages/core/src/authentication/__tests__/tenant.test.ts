// @vitest-environment node
// The Authentication API functions against a started @sesame/tenant (a real oidc-provider with
// the Auth0 endpoints): what they send is what a real server accepts, and its answers and
// errors come back typed.
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  authorizeUrl,
  changePassword,
  clientCredentialsGrant,
  deviceCodeGrant,
  getJwks,
  getOpenIdConfiguration,
  getSamlMetadata,
  getUserInfo,
  getWsFedMetadata,
  logoutUrl,
  MfaRequiredError,
  mfaAssociate,
  mfaChallenge,
  mfaDeleteAuthenticator,
  mfaListAuthenticators,
  mfaOobGrant,
  mfaOtpGrant,
  mfaRecoveryCodeGrant,
  passwordlessOtpGrant,
  passwordlessStart,
  passwordRealmGrant,
  pollDeviceToken,
  refreshTokenGrant,
  registerClient,
  requestDeviceCode,
  revokeRefreshToken,
  samlpUrl,
  signup,
  tokenExchangeGrant,
  wsfedUrl,
} from '../index.js';

/** The part of `@sesame/tenant` this file uses. */
interface RunningTenant {
  url: string;
  stop(): Promise<void>;
}
interface TenantModule {
  startTenant(options: { port: number; now?: () => number; config?: unknown }): Promise<RunningTenant>;
  DEMO_CONNECTION: string;
  DEMO_M2M_CLIENT_ID: string;
  DEMO_M2M_CLIENT_SECRET: string;
  DEMO_DEVICE_CLIENT_ID: string;
  DEMO_AUDIENCE: string;
}

// Imported at run time only (the `source` condition resolves it to the tenant's TypeScript):
// a static import would put the tenant's Node sources, and Node's global types with them, into
// the core's type check, which must see browser types only.
const TENANT_PACKAGE = '@sesame/tenant';
const tenantModule = (await import(TENANT_PACKAGE)) as TenantModule;
const { DEMO_CONNECTION: CONNECTION, DEMO_AUDIENCE } = tenantModule;

const PASSWORD = 'Auth-Api-Test-2026!';
let tenant: RunningTenant;
let offset = 0;
let app: { domain: string; clientId: string };

const APPLE = 'http://auth0.com/oauth/token-type/apple-authz-code';
let appleKey: CryptoKeyPair;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/** A subject token as Sign in with Apple would issue it (RS256), signed with `key`. */
async function appleToken(sub: string, key = appleKey.privateKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const input = `${encodeJson({ alg: 'RS256', kid: 'apple-1' })}.${encodeJson({
    iss: 'https://appleid.apple.com',
    aud: 'sesame-native',
    sub,
    email: `${sub}@privaterelay.appleid.com`,
    iat: now,
    exp: now + 300,
  })}`;
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

beforeAll(async () => {
  appleKey = await crypto.subtle.generateKey(rsa, true, ['sign', 'verify']);
  const publicJwk = {
    ...(await crypto.subtle.exportKey('jwk', appleKey.publicKey)),
    kid: 'apple-1',
    alg: 'RS256',
  };
  tenant = await tenantModule.startTenant({
    port: 0,
    now: () => Date.now() + offset,
    config: {
      registration: { enabled: true },
      clients: [
        {
          client_id: 'federated-app',
          name: 'Federated App',
          app_type: 'regular_web',
          token_endpoint_auth_method: 'none',
          callbacks: ['http://127.0.0.1:5199/acs'],
          saml: { callback: 'http://127.0.0.1:5199/acs' },
          wsfed: { callback: 'http://127.0.0.1:5199/wsfed' },
        },
        {
          client_id: 'sesame-native',
          app_type: 'native',
          grant_types: ['urn:ietf:params:oauth:grant-type:token-exchange'],
        },
      ],
      // Native Sign in with Apple: subject tokens verified against this key set.
      token_exchange_profiles: [
        {
          subject_token_type: APPLE,
          issuer: 'https://appleid.apple.com',
          jwks: { keys: [publicJwk] },
          connection: 'apple',
        },
      ],
      connections: [
        {
          name: CONNECTION,
          users: [
            { email: 'mfa@sesame.test', password: PASSWORD, mfa_policy: 'always' },
            { email: 'sms@sesame.test', password: PASSWORD, mfa_policy: 'always' },
          ],
        },
      ],
    },
  });
  app = { domain: new URL(tenant.url).origin, clientId: 'sesame-spa' };
});
afterAll(() => tenant?.stop());
beforeEach(() => {
  offset = 0;
});

/** The newest outbox message of the tenant to `to`. */
async function lastMessage(to: string): Promise<{ code?: string; link?: string; purpose: string }> {
  const response = await fetch(new URL(`__dev/outbox?${new URLSearchParams({ to })}`, tenant.url));
  const messages = (await response.json()) as { code?: string; link?: string; purpose: string }[];
  const last = messages.at(-1);
  if (!last) throw new Error(`no message to ${to}`);
  return last;
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as AuthError,
  );

describe('database connection', () => {
  it('signs a user up, logs in with password-realm, reads userinfo, refreshes, revokes', async () => {
    const email = 'new-user@sesame.test';
    const user = await signup({
      ...app,
      connection: CONNECTION,
      email,
      password: PASSWORD,
      given_name: 'Ada',
    });
    expect(user).toMatchObject({ email, email_verified: false });

    const again = await rejection(signup({ ...app, connection: CONNECTION, email, password: PASSWORD }));
    expect(again).toBeInstanceOf(AuthError);
    expect(again.code).toBe('user_exists');

    const tokens = await passwordRealmGrant({
      ...app,
      realm: CONNECTION,
      username: email,
      password: PASSWORD,
      scope: 'openid profile email offline_access',
    });
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.id_token).toEqual(expect.any(String));
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const profile = await getUserInfo({ ...app, access_token: tokens.access_token });
    expect(profile).toMatchObject({ email, given_name: 'Ada' });
    expect(profile.sub).toMatch(/^auth0\|/);

    const refreshed = await refreshTokenGrant({ ...app, refresh_token: tokens.refresh_token as string });
    expect(refreshed.access_token).toEqual(expect.any(String));
    const current = (refreshed.refresh_token ?? tokens.refresh_token) as string;
    await revokeRefreshToken({ ...app, token: current });
    const revoked = await rejection(refreshTokenGrant({ ...app, refresh_token: current }));
    expect(revoked.code).toBe('invalid_grant');
  });

  it('refuses a wrong password with invalid_grant', async () => {
    const error = await rejection(
      passwordRealmGrant({ ...app, realm: CONNECTION, username: 'demo@sesame.test', password: 'wrong' }),
    );
    expect(error.code).toBe('invalid_grant');
    expect(error.description).toEqual(expect.any(String));
  });

  it('sends a change-password email', async () => {
    const email = 'reset-me@sesame.test';
    await signup({ ...app, connection: CONNECTION, email, password: PASSWORD });
    const message = await changePassword({ ...app, connection: CONNECTION, email });
    expect(message).toEqual(expect.any(String));
    expect((await lastMessage(email)).link).toEqual(expect.any(String));
  });
});

describe('passwordless', () => {
  it('emails a code that the OTP grant exchanges for tokens, once', async () => {
    const email = 'passwordless@sesame.test';
    await expect(
      passwordlessStart({ ...app, connection: 'email', email, send: 'code' }),
    ).resolves.toMatchObject({
      email,
    });
    const { code } = await lastMessage(email);
    expect(code).toMatch(/^\d{6}$/);
    const otp = {
      ...app,
      realm: 'email',
      username: email,
      otp: code as string,
      scope: 'openid profile email',
    };
    const tokens = await passwordlessOtpGrant(otp);
    expect(tokens.id_token).toEqual(expect.any(String));
    expect((await rejection(passwordlessOtpGrant(otp))).code).toBe('invalid_grant');
  });
});

describe('MFA', () => {
  const login = (
    username: string,
    params: { audience: string; scope: string } = { audience: DEMO_AUDIENCE, scope: 'openid profile' },
  ) => passwordRealmGrant({ ...app, realm: CONNECTION, username, password: PASSWORD, ...params });

  it('goes from mfa_required through enrolment to tokens, then logs in with the app and a recovery code', async () => {
    const first = await rejection(login('mfa@sesame.test'));
    expect(first).toBeInstanceOf(MfaRequiredError);
    const mfa = { ...app, mfa_token: (first as MfaRequiredError).mfaToken };

    const enrolment = await mfaAssociate({ ...mfa, authenticator_types: ['otp'] });
    expect(enrolment.authenticator_type).toBe('otp');
    const secret = (enrolment as { secret: string }).secret;
    const totp = new TOTP({ secret, digits: 6, period: 30 });
    expect(enrolment.recovery_codes).toHaveLength(1);
    const tokens = await mfaOtpGrant({ ...mfa, otp: totp.generate({ timestamp: Date.now() + offset }) });
    expect(tokens.access_token).toEqual(expect.any(String));

    // A later login: challenge the app, with a code of the next period (a code is used once).
    offset = 30_000;
    const second = (await rejection(login('mfa@sesame.test'))) as MfaRequiredError;
    expect(second).toBeInstanceOf(MfaRequiredError);
    const again = { ...app, mfa_token: second.mfaToken };
    await expect(mfaChallenge({ ...again, challenge_type: 'otp' })).resolves.toMatchObject({
      challenge_type: 'otp',
    });
    const wrong = await rejection(mfaOtpGrant({ ...again, otp: '000000' }));
    expect(wrong.code).toBe('invalid_grant');
    await expect(
      mfaOtpGrant({ ...again, otp: totp.generate({ timestamp: Date.now() + offset }) }),
    ).resolves.toMatchObject({
      token_type: 'Bearer',
    });

    // Without the device: a recovery code, which is replaced by a new one. This login asks for
    // the MFA API, to manage the authenticators.
    const mfaApi = { audience: `${tenant.url}mfa/`, scope: 'read:authenticators remove:authenticators' };
    const third = (await rejection(login('mfa@sesame.test', mfaApi))) as MfaRequiredError;
    const recovered = await mfaRecoveryCodeGrant({
      ...app,
      mfa_token: third.mfaToken,
      recovery_code: enrolment.recovery_codes?.[0] as string,
    });
    expect(recovered.recovery_code).toEqual(expect.any(String));
    expect(recovered.recovery_code).not.toBe(enrolment.recovery_codes?.[0]);

    const access = { domain: app.domain, access_token: recovered.access_token };
    const authenticators = await mfaListAuthenticators(access);
    const otp = authenticators.find((a) => a.authenticator_type === 'otp');
    expect(otp?.active).toBe(true);
    await mfaDeleteAuthenticator({ ...access, authenticator_id: otp?.id as string });
    expect((await mfaListAuthenticators(access)).map((a) => a.id)).not.toContain(otp?.id);
    const gone = await rejection(mfaDeleteAuthenticator({ ...access, authenticator_id: otp?.id as string }));
    expect(gone.code).toBe('not_found');
  });

  it('enrols an SMS factor: authorization_pending until the binding code, then challenges it', async () => {
    const phone = '+15550002222';
    const first = (await rejection(login('sms@sesame.test'))) as MfaRequiredError;
    const mfa = { ...app, mfa_token: first.mfaToken };
    const enrolment = await mfaAssociate({
      ...mfa,
      authenticator_types: ['oob'],
      oob_channels: ['sms'],
      phone_number: phone,
    });
    expect(enrolment).toMatchObject({
      authenticator_type: 'oob',
      oob_channel: 'sms',
      binding_method: 'prompt',
    });
    const oob_code = (enrolment as { oob_code: string }).oob_code;
    expect((await rejection(mfaOobGrant({ ...mfa, oob_code }))).code).toBe('authorization_pending');
    const { code } = await lastMessage(phone);
    await expect(mfaOobGrant({ ...mfa, oob_code, binding_code: code as string })).resolves.toMatchObject({
      token_type: 'Bearer',
    });

    const next = (await rejection(login('sms@sesame.test'))) as MfaRequiredError;
    const again = { ...app, mfa_token: next.mfaToken };
    const challenge = await mfaChallenge({ ...again, challenge_type: 'oob' });
    expect(challenge).toMatchObject({ challenge_type: 'oob', binding_method: 'prompt' });
    const sms = await lastMessage(phone);
    const tokens = await mfaOobGrant({
      ...again,
      oob_code: (challenge as { oob_code: string }).oob_code,
      binding_code: sms.code as string,
    });
    expect(tokens.access_token).toEqual(expect.any(String));
  });
});

describe('device authorization', () => {
  it('answers authorization_pending, then slow_down when polled too fast; refuses an unknown code', async () => {
    const device = { ...app, clientId: tenantModule.DEMO_DEVICE_CLIENT_ID };
    const code = await requestDeviceCode({ ...device, scope: 'openid profile' });
    expect(code).toMatchObject({ user_code: expect.any(String), interval: expect.any(Number) });
    const poll = () => rejection(deviceCodeGrant({ ...device, device_code: code.device_code }));
    expect((await poll()).code).toBe('authorization_pending');
    expect((await poll()).code).toBe('slow_down');
    const unknown = await rejection(deviceCodeGrant({ ...device, device_code: 'not-a-device-code' }));
    expect(unknown.code).toBe('invalid_grant');
  });

  it('pollDeviceToken waits the server interval and goes on while pending, until aborted', async () => {
    // A tenant of its own with a 1 s interval, so that the loop's waits stay short.
    const quick = await tenantModule.startTenant({ port: 0, config: { device_flow: { interval: 1 } } });
    try {
      const device = { domain: new URL(quick.url).origin, clientId: tenantModule.DEMO_DEVICE_CLIENT_ID };
      const code = await requestDeviceCode({ ...device, scope: 'openid' });
      expect(code.interval).toBe(1);
      const cancel = new AbortController();
      const answers: number[] = [];
      // The real fetch, stopped by the app (a cancel button, say) after the second poll's answer.
      const counting: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        answers.push(response.status);
        if (answers.length === 2) cancel.abort(new Error('cancelled'));
        return response;
      };
      const outcome = await rejection(
        pollDeviceToken({ ...device, ...code, fetch: counting, signal: cancel.signal }),
      );
      expect((outcome as Error).message).toBe('cancelled');
      // The first poll, an interval after the code, is pending (403); the loop went on to poll again.
      expect(answers).toHaveLength(2);
      expect(answers[0]).toBe(403);
    } finally {
      await quick.stop();
    }
  });
});

describe('token exchange', () => {
  it('exchanges a native Sign in with Apple token for tokens, and refuses a forged one', async () => {
    const native = { ...app, clientId: 'sesame-native' };
    const tokens = await tokenExchangeGrant({
      ...native,
      subject_token: await appleToken('apple-7'),
      subject_token_type: APPLE,
      scope: 'openid',
    });
    expect(tokens).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String) });
    const claims = JSON.parse(
      atob((tokens.id_token as string).split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? ''),
    );
    expect(claims.sub).toBe('apple|apple-7');

    const otherKey = await crypto.subtle.generateKey(rsa, true, ['sign', 'verify']);
    const forged = await rejection(
      tokenExchangeGrant({
        ...native,
        subject_token: await appleToken('apple-8', otherKey.privateKey),
        subject_token_type: APPLE,
      }),
    );
    expect(forged.code).toBe('invalid_request');
    expect(forged.description).toMatch(/^Invalid subject_token/);
  });
});

describe('server to server and metadata', () => {
  it('gets a client-credentials token in Node', async () => {
    const tokens = await clientCredentialsGrant({
      domain: app.domain,
      clientId: tenantModule.DEMO_M2M_CLIENT_ID,
      clientSecret: tenantModule.DEMO_M2M_CLIENT_SECRET,
      audience: DEMO_AUDIENCE,
    });
    expect(tokens).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
  });

  it('registers a single-page application dynamically', async () => {
    const created = await registerClient({
      domain: app.domain,
      client_name: 'Registered SPA',
      redirect_uris: ['http://127.0.0.1:5175/callback'],
      token_endpoint_auth_method: 'none',
    });
    expect(created).toMatchObject({ client_id: expect.any(String), client_name: 'Registered SPA' });
    expect(created.client_secret).toBeUndefined();
    const refused = await rejection(registerClient({ domain: app.domain, redirect_uris: ['not a url'] }));
    expect(refused.code).toMatch(/^invalid_(redirect_uri|client_metadata)$/);
  });

  it('reads the discovery document (issuer checked) and the JWKS', async () => {
    const metadata = await getOpenIdConfiguration({ domain: app.domain });
    expect(metadata.issuer).toBe(tenant.url);
    const { keys } = await getJwks({ domain: app.domain });
    expect(keys[0]).toMatchObject({ kty: 'RSA', kid: expect.any(String) });
  });
});

describe('URLs and federation metadata', () => {
  /** The tenant's answer to a browser opening `url`, redirects not followed. */
  const open = (url: URL) => fetch(url, { redirect: 'manual' });

  it('builds /authorize and /v2/logout URLs the tenant follows', async () => {
    const login = await open(
      authorizeUrl({
        ...app,
        response_type: 'code',
        redirect_uri: 'http://127.0.0.1:5175/callback',
        scope: 'openid',
        state: 'state-1',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }),
    );
    expect(login.status).toBeGreaterThanOrEqual(300);
    expect(login.status).toBeLessThan(400);
    expect(new URL(login.headers.get('location') ?? '', tenant.url).pathname).toMatch(/^\/login\//);
    const logout = await open(logoutUrl({ ...app, returnTo: 'http://127.0.0.1:5175/' }));
    expect(logout.headers.get('location')).toBe('http://127.0.0.1:5175/');
  });

  it('gets the SAML metadata of an application and refuses an unknown one', async () => {
    const xml = await getSamlMetadata({ ...app, clientId: 'federated-app' });
    expect(xml).toContain('EntityDescriptor');
    expect(xml).toContain(`${tenant.url}samlp/federated-app`);
    const unknown = await rejection(getSamlMetadata({ ...app, clientId: 'no-such-app' }));
    // An HTML error page, as Auth0 answers: no code, the status says it.
    expect(unknown).toBeInstanceOf(AuthError);
    expect([unknown.code, unknown.description]).toEqual(['invalid_response', 'HTTP 404']);
  });

  it('gets the WS-Fed metadata', async () => {
    const xml = await getWsFedMetadata({ domain: app.domain });
    expect(xml).toContain('EntityDescriptor');
    expect(xml).toContain(`${tenant.url}wsfed`);
  });

  it('builds /samlp and /wsfed login URLs the tenant starts a login for, and refuses a foreign wreply', async () => {
    // The tenant runs a federated login through its own /authorize and login page.
    const saml = await open(samlpUrl({ ...app, clientId: 'federated-app' }));
    expect(new URL(saml.headers.get('location') ?? '', tenant.url).pathname).toBe('/authorize');
    const wsfed = await open(wsfedUrl({ ...app, clientId: 'federated-app', wctx: 'ctx-1' }));
    expect(new URL(wsfed.headers.get('location') ?? '', tenant.url).pathname).toBe('/authorize');
    const foreign = await open(
      wsfedUrl({ ...app, clientId: 'federated-app', wreply: 'https://evil.example/' }),
    );
    expect(foreign.status).toBe(400);
  });
});
