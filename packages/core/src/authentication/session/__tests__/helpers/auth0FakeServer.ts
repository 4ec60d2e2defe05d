import type { FakeServer } from '../../../../__tests__/helpers/fakeServer.js';
import { createFakeServer, fakeClock } from '../../../../__tests__/helpers/fakeServer.js';
import { createAuthClient } from '../../../../createAuthClient.js';
import type { AuthClientOptions } from '../../../../types.js';
import { withAuthenticationApi } from '../../withAuthenticationApi.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const GRANT = {
  password: 'password',
  realm: 'http://auth0.com/oauth/grant-type/password-realm',
  otp: 'http://auth0.com/oauth/grant-type/passwordless/otp',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  mfaOob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  mfaRecovery: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  device: 'urn:ietf:params:oauth:grant-type:device_code',
} as const;

/** The seeded user's login (a user without MFA, `user-1`). */
export const ada = { username: 'ada@example.com', password: 'right' };

/** The codes the fake server accepts. */
export const CODES = { passwordless: '246810', totp: '135790', binding: '9911', recovery: 'RECOVERY-1' };

interface FakeUser {
  sub: string;
  password: string;
  mfa: boolean;
}

/**
 * The core's fake server with the Auth0 extensions the session methods use: password and
 * password-realm grants, passwordless start and OTP grant, signup and change password, the MFA
 * API and grants, the device flow, revocation and userinfo. Users log in by email; a user with
 * `mfa` gets `mfa_required` and then needs {@link CODES}.
 */
export async function createAuth0FakeServer(options: { now?: () => number } = {}) {
  const clock = fakeClock();
  const server = await createFakeServer({ now: options.now ?? clock.now });
  const users = new Map<string, FakeUser>([
    ['ada@example.com', { sub: 'user-1', password: 'right', mfa: false }],
  ]);
  const mfaTokens = new Map<string, string>(); // mfa_token -> sub
  const revoked: string[] = [];
  let counter = 0;
  const extra = {
    users,
    /** The open `mfa_required` logins: mfa_token → sub. */
    mfaTokens,
    revoked,
    /** The `sub` `/userinfo` answers; default: the user the access token was issued to. */
    userinfoSub: undefined as string | undefined,
    /** The user of the last issued tokens. */
    lastSub: undefined as string | undefined,
  };
  const fake = Object.assign(server, extra, { clock });
  const issue = (sub: string, scope: string | null) => {
    fake.lastSub = sub;
    return server.issue(sub, scope ?? 'openid');
  };
  const login = (email: string | null, password: string | null, scope: string | null) => {
    const user = users.get(email ?? '');
    if (!user || user.password !== password)
      return json({ error: 'invalid_grant', error_description: 'Wrong email or password.' }, 403);
    if (user.mfa) {
      const mfa_token = `mfa-${++counter}`;
      mfaTokens.set(mfa_token, user.sub);
      return json(
        { error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token },
        403,
      );
    }
    return issue(user.sub, scope);
  };
  const mfaGrant = (check: (body: URLSearchParams) => boolean, extraBody: Record<string, unknown> = {}) =>
    (async ({ body }) => {
      const sub = mfaTokens.get(body.get('mfa_token') ?? '');
      if (!sub || !check(body))
        return json({ error: 'invalid_grant', error_description: 'Invalid otp_code.' }, 403);
      mfaTokens.delete(body.get('mfa_token') ?? '');
      const response = (await issue(sub, 'openid profile email offline_access').then((r) =>
        r.json(),
      )) as object;
      return json({ ...response, ...extraBody });
    }) satisfies FakeServer['grants'][string];

  Object.assign(server.grants, {
    [GRANT.password]: ({ body }) => login(body.get('username'), body.get('password'), body.get('scope')),
    [GRANT.realm]: ({ body }) =>
      body.get('realm') === 'Username-Password-Authentication'
        ? login(body.get('username'), body.get('password'), body.get('scope'))
        : json({ error: 'invalid_grant', error_description: 'Wrong email or password.' }, 403),
    [GRANT.otp]: ({ body }) =>
      body.get('otp') === CODES.passwordless
        ? issue(`${body.get('realm')}|${body.get('username')}`, body.get('scope'))
        : json({ error: 'invalid_grant', error_description: 'Wrong email or verification code.' }, 403),
    [GRANT.mfaOtp]: mfaGrant((body) => body.get('otp') === CODES.totp),
    [GRANT.mfaOob]: mfaGrant(
      (body) => body.get('oob_code') === 'oob-1' && body.get('binding_code') === CODES.binding,
    ),
    [GRANT.mfaRecovery]: mfaGrant((body) => body.get('recovery_code') === CODES.recovery, {
      recovery_code: 'RECOVERY-2',
    }),
    [GRANT.device]: ({ body }) =>
      body.get('device_code') === 'device-1'
        ? issue('device-user', body.get('scope') ?? 'openid')
        : json({ error: 'invalid_grant' }, 403),
  } satisfies FakeServer['grants']);

  const bearer = (request: { headers?: Headers }) =>
    /^Bearer (.+)$/.exec(request.headers?.get('authorization') ?? '')?.[1];
  Object.assign(server.routes, {
    '/passwordless/start': ({ json: body }) =>
      json({ _id: 'pl-1', email: body?.email, email_verified: false }),
    '/dbconnections/signup': ({ json: body }) => {
      const email = String(body?.email);
      if (users.has(email))
        return json({ code: 'user_exists', description: 'The user already exists.' }, 400);
      users.set(email, { sub: `auth0|${++counter}`, password: String(body?.password), mfa: false });
      return json({ _id: String(counter), email, email_verified: false });
    },
    '/dbconnections/change_password': () => json("We've just sent you an email to reset your password."),
    '/mfa/authenticators': (request) =>
      mfaTokens.has(bearer(request) ?? '')
        ? json([{ id: 'totp|1', authenticator_type: 'otp', active: true }])
        : json({ error: 'invalid_token' }, 401),
    '/mfa/associate': (request) =>
      mfaTokens.has(bearer(request) ?? '')
        ? json({
            authenticator_type: 'otp',
            secret: 'JBSWY3DPEHPK3PXP',
            barcode_uri: 'otpauth://totp/Fake:ada?secret=JBSWY3DPEHPK3PXP',
            recovery_codes: [CODES.recovery],
          })
        : json({ error: 'invalid_token' }, 401),
    '/mfa/challenge': ({ json: body }) =>
      mfaTokens.has(String(body?.mfa_token))
        ? json({ challenge_type: 'oob', oob_code: 'oob-1', binding_method: 'prompt' })
        : json({ error: 'invalid_grant' }, 403),
    '/oauth/device/code': () =>
      json({
        device_code: 'device-1',
        user_code: 'ABCD-EFGH',
        verification_uri: `${server.origin}/activate`,
        verification_uri_complete: `${server.origin}/activate?user_code=ABCD-EFGH`,
        expires_in: 60,
        interval: 5,
      }),
    '/oauth/revoke': ({ json: body }) => {
      revoked.push(String(body?.token));
      return new Response(null, { status: 200 });
    },
    '/userinfo': (request) =>
      bearer(request)
        ? json({ sub: fake.userinfoSub ?? fake.lastSub, email: 'ada@example.com' })
        : json({ error: 'invalid_token' }, 401),
  } satisfies FakeServer['routes']);

  return fake;
}

export type Auth0FakeServer = Awaited<ReturnType<typeof createAuth0FakeServer>>;

/** A client with the session methods on the fake server (memory storage unless given). */
export function sessionClient(server: Auth0FakeServer, extra: Partial<AuthClientOptions> = {}) {
  return withAuthenticationApi(createAuthClient(server.options(extra)));
}

/** The stored state of a client's storage, to compare before and after a failed call. */
export async function storedState(client: {
  getIdTokenClaims(): Promise<unknown>;
  getTokenSilently(o: object): Promise<string>;
}) {
  const claims = await client.getIdTokenClaims();
  const token = await client
    .getTokenSilently({ cacheMode: 'cache-only' })
    .catch((error: { code?: string }) => error.code);
  return { claims, token };
}
