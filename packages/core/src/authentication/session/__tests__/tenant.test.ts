// @vitest-environment node
// The session methods end to end against a started @sesame/tenant (oidc-provider with the Auth0
// endpoints): each signs the user in for real — ID token signed by the tenant and validated —
// and leaves the client authenticated with `getTokenSilently()` served from the store.
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthClient } from '../../../createAuthClient.js';
import { dpop } from '../../../dpop/index.js';
import { MfaRequiredError } from '../../../errors/MfaRequiredError.js';
import type { AuthClientOptions, AuthStorage } from '../../../types.js';
import { refreshTokenGrant } from '../../oauthGrants.js';
import { withAuthenticationApi } from '../withAuthenticationApi.js';

/** The part of `@sesame/tenant` this file uses. */
interface RunningTenant {
  url: string;
  stop(): Promise<void>;
}
interface TenantModule {
  startTenant(options: { port: number; config?: unknown }): Promise<RunningTenant>;
  DEMO_AUDIENCE: string;
  DEMO_CLIENT_ID: string;
  DEMO_CONNECTION: string;
  DEMO_DEVICE_CLIENT_ID: string;
  DEMO_USER_EMAIL: string;
  DEMO_USER_PASSWORD: string;
}
/** The part of the tenant's test browser (a fetch that keeps cookies) this file uses. */
interface BrowserModule {
  Browser: new () => {
    follow(
      url: string | URL,
      tenant: RunningTenant,
      init?: RequestInit,
    ): Promise<{ response: Response; url: URL }>;
  };
  formAction(html: string, base: string): URL;
  hiddenInputs(html: string): Record<string, string>;
}

// Imported at run time only: a static import would put the tenant's Node sources (and Node's
// global types) into the core's type check, which must see browser types only.
const TENANT_PACKAGE = '@sesame/tenant';
const TENANT_BROWSER = new URL('../../../../../tenant/src/__tests__/browser.ts', import.meta.url).href;
const tenantModule = (await import(TENANT_PACKAGE)) as TenantModule;
const { Browser, formAction, hiddenInputs } = (await import(TENANT_BROWSER)) as BrowserModule;
const { DEMO_AUDIENCE, DEMO_CONNECTION: CONNECTION, DEMO_USER_EMAIL, DEMO_USER_PASSWORD } = tenantModule;

const PASSWORD = 'Session-Test-2026!';
const MFA_USER = 'mfa-session@sesame.test';
const SMS_USER = 'sms-session@sesame.test';
/** An application of this test with the password grant (the seeded SPA has password-realm only). */
const PASSWORD_CLIENT = 'sesame-session-password';
let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await tenantModule.startTenant({
    port: 0,
    config: {
      device_flow: { interval: 1 },
      clients: [{ client_id: PASSWORD_CLIENT, app_type: 'spa', grant_types: ['password', 'refresh_token'] }],
      connections: [
        {
          name: CONNECTION,
          users: [
            { email: MFA_USER, password: PASSWORD, mfa_policy: 'always' },
            { email: SMS_USER, password: PASSWORD, mfa_policy: 'always' },
          ],
        },
      ],
    },
  });
});
afterAll(() => tenant?.stop());

/** A client of the tenant with the session methods; its storage and requests are visible to the test. */
function tenantClient(clientId = tenantModule.DEMO_CLIENT_ID, extra: Partial<AuthClientOptions> = {}) {
  const stored = new Map<string, unknown>();
  const storage: AuthStorage = {
    get: async (key) => stored.get(key) as never,
    set: async (key, value) => void stored.set(key, structuredClone(value)),
    del: async (key) => void stored.delete(key),
    clear: async () => stored.clear(),
  };
  const requests: string[] = [];
  const client = withAuthenticationApi(
    createAuthClient({
      domain: new URL(tenant.url).origin,
      clientId,
      storage,
      silentAuth: false,
      fetch: (input, init) => {
        requests.push(new URL(input instanceof Request ? input.url : input).pathname);
        return fetch(input, init);
      },
      ...extra,
    }),
  );
  return { client, stored, requests };
}

/** Signed in, and `getTokenSilently()` answers from the store without a request. */
async function expectSignedIn(
  { client, requests }: ReturnType<typeof tenantClient>,
  email: string,
  authorizationParams: { audience?: string } = {},
) {
  expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { email }, error: undefined });
  expect(await client.getIdTokenClaims()).toMatchObject({ iss: tenant.url, email });
  const count = requests.length;
  await expect(client.getTokenSilently({ authorizationParams })).resolves.toEqual(expect.any(String));
  expect(requests.length).toBe(count);
}

/** The newest outbox message of the tenant to `to`. */
async function lastMessage(to: string): Promise<{ code?: string; link?: string }> {
  const response = await fetch(new URL(`__dev/outbox?${new URLSearchParams({ to })}`, tenant.url));
  const messages = (await response.json()) as { code?: string; link?: string }[];
  const last = messages.at(-1);
  if (!last) throw new Error(`no message to ${to}`);
  return last;
}

describe('session methods against the tenant', () => {
  it('with dpop: a password-realm login gets DPoP-bound tokens that refresh with the same key and read /userinfo', async () => {
    const session = tenantClient(undefined, { dpop: dpop() });
    const { client } = session;
    await client.loginWithPassword({
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
      realm: CONNECTION,
    });
    await expectSignedIn(session, DEMO_USER_EMAIL);
    const bound = await client.getTokenSilently({ detailedResponse: true });
    expect(bound.token_type.toLowerCase()).toBe('dpop');
    const refreshed = await client.getTokenSilently({ cacheMode: 'off', detailedResponse: true });
    expect(refreshed.token_type.toLowerCase()).toBe('dpop');
    expect(refreshed.access_token).not.toBe(bound.access_token);
    // The bound token goes to /userinfo as DPoP with a proof: the tenant refuses it as Bearer.
    await expect(client.getUserInfo()).resolves.toMatchObject({ email: DEMO_USER_EMAIL });
  });

  it('loginWithPassword (password-realm), getUserInfo, revokeRefreshToken', async () => {
    const session = tenantClient();
    const { client, stored } = session;
    await expect(
      client.loginWithPassword({ username: DEMO_USER_EMAIL, password: 'wrong', realm: CONNECTION }),
    ).rejects.toMatchObject({ code: 'invalid_grant' });
    expect(stored.size).toBe(0);

    await client.loginWithPassword({
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
      realm: CONNECTION,
    });
    await expectSignedIn(session, DEMO_USER_EMAIL);

    const profile = await client.getUserInfo();
    expect(profile).toMatchObject({ sub: (await client.getUser())?.sub, email: DEMO_USER_EMAIL });

    const key = [...stored.keys()].find((name) => name.startsWith('token:')) as string;
    const storedRefreshToken = () => (stored.get(key) as { refreshToken?: string } | undefined)?.refreshToken;
    const refreshToken = storedRefreshToken() as string;
    expect(refreshToken).toEqual(expect.any(String));
    await client.revokeRefreshToken();
    expect(storedRefreshToken()).toBeUndefined();
    await expect(
      refreshTokenGrant({
        domain: new URL(tenant.url).origin,
        clientId: 'sesame-spa',
        refresh_token: refreshToken,
      }),
    ).rejects.toMatchObject({ code: 'invalid_grant' });
    // The access token stays until it expires.
    await expect(client.getTokenSilently({ cacheMode: 'cache-only' })).resolves.toEqual(expect.any(String));
  });

  it('loginWithPassword without a realm: the password grant against the default directory', async () => {
    const session = tenantClient(PASSWORD_CLIENT);
    await session.client.loginWithPassword({ username: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD });
    await expectSignedIn(session, DEMO_USER_EMAIL);
  });

  it('signup with login, for an API audience; changePassword sends the reset link', async () => {
    const session = tenantClient();
    const email = 'signup-session@sesame.test';
    const user = await session.client.signup({
      connection: CONNECTION,
      email,
      password: PASSWORD,
      login: true,
      audience: DEMO_AUDIENCE,
    });
    expect(user).toMatchObject({ email });
    await expectSignedIn(session, email, { audience: DEMO_AUDIENCE });
    await expect(session.client.changePassword({ connection: CONNECTION, email })).resolves.toEqual(
      expect.any(String),
    );
    expect((await lastMessage(email)).link).toEqual(expect.any(String));
  });

  it('passwordless: the emailed code signs the user in', async () => {
    const session = tenantClient();
    const email = 'passwordless-session@sesame.test';
    await session.client.passwordless.start({ connection: 'email', email, send: 'code' });
    const { code } = await lastMessage(email);
    await session.client.passwordless.login({ connection: 'email', email, otp: code as string });
    await expectSignedIn(session, email);
  });

  it('passwordless: the SMS code signs the user in', async () => {
    const session = tenantClient();
    const phone_number = '+15550003333';
    await session.client.passwordless.start({ connection: 'sms', phone_number, send: 'code' });
    const { code } = await lastMessage(phone_number);
    await session.client.passwordless.login({ connection: 'sms', phone_number, otp: code as string });
    expect(session.client.getSnapshot()).toMatchObject({
      status: 'authenticated',
      user: { sub: expect.stringMatching(/^sms\|/), name: phone_number },
    });
    const count = session.requests.length;
    await session.client.getTokenSilently();
    expect(session.requests.length).toBe(count);
  });

  it('MFA by SMS: enroll → authorization_pending → verify with the binding code; later, challenge → verify', async () => {
    const session = tenantClient();
    const { client } = session;
    const phoneNumber = '+15550004444';
    const login = () =>
      client.loginWithPassword({ username: SMS_USER, password: PASSWORD, realm: CONNECTION }).then(
        () => {
          throw new Error('expected mfa_required');
        },
        (e: unknown) => e as MfaRequiredError,
      );
    const { mfaToken } = await login();
    const enrolment = await client.mfa.enroll({
      mfaToken,
      authenticatorTypes: ['oob'],
      oobChannels: ['sms'],
      phoneNumber,
    });
    expect(enrolment).toMatchObject({
      authenticator_type: 'oob',
      oob_channel: 'sms',
      binding_method: 'prompt',
    });
    const oobCode = (enrolment as { oob_code: string }).oob_code;
    await expect(client.mfa.verify({ mfaToken, oobCode })).rejects.toMatchObject({
      code: 'authorization_pending',
    });
    const { code } = await lastMessage(phoneNumber);
    await client.mfa.verify({ mfaToken, oobCode, bindingCode: code as string });
    await expectSignedIn(session, SMS_USER);

    const next = await login();
    expect(next).toBeInstanceOf(MfaRequiredError);
    const challenge = await client.mfa.challenge({ mfaToken: next.mfaToken, challengeType: 'oob' });
    const sms = await lastMessage(phoneNumber);
    await client.mfa.verify({
      mfaToken: next.mfaToken,
      oobCode: (challenge as { oob_code: string }).oob_code,
      bindingCode: sms.code as string,
    });
    await expectSignedIn(session, SMS_USER);
  });

  it('MFA: mfa_required → enroll → verify with the app; then a recovery code, replaced by a new one', async () => {
    const session = tenantClient();
    const { client } = session;
    const login = () =>
      client
        .loginWithPassword({ username: MFA_USER, password: PASSWORD, realm: CONNECTION })
        .catch((e: unknown) => e);
    const first = await login();
    expect(first).toBeInstanceOf(MfaRequiredError);
    expect(client.getSnapshot().status).toBe('unauthenticated');
    const { mfaToken } = first as MfaRequiredError;
    const enrolment = await client.mfa.enroll({ mfaToken, authenticatorTypes: ['otp'] });
    expect(enrolment).toMatchObject({
      authenticator_type: 'otp',
      barcode_uri: expect.stringMatching(/^otpauth:/),
    });
    const [recoveryCode] = enrolment.recovery_codes ?? [];
    const otp = new TOTP({
      secret: (enrolment as { secret: string }).secret,
      digits: 6,
      period: 30,
    }).generate();
    await expect(client.mfa.verify({ mfaToken, otp })).resolves.toEqual({ recoveryCode: undefined });
    await expectSignedIn(session, MFA_USER);

    const again = tenantClient();
    const second = (await again.client
      .loginWithPassword({ username: MFA_USER, password: PASSWORD, realm: CONNECTION })
      .catch((e: unknown) => e)) as MfaRequiredError;
    expect(second).toBeInstanceOf(MfaRequiredError);
    const authenticators = await again.client.mfa.getAuthenticators(second.mfaToken);
    expect(authenticators).toContainEqual(
      expect.objectContaining({ authenticator_type: 'otp', active: true }),
    );
    const verified = await again.client.mfa.verify({
      mfaToken: second.mfaToken,
      recoveryCode: recoveryCode as string,
    });
    expect(verified.recoveryCode).toEqual(expect.any(String));
    expect(verified.recoveryCode).not.toBe(recoveryCode);
    await expectSignedIn(again, MFA_USER);
  });

  it('device: polls while the user approves at /activate, then signs the device in', async () => {
    const session = tenantClient(tenantModule.DEMO_DEVICE_CLIENT_ID);
    const started = await session.client.device.start({ audience: DEMO_AUDIENCE });
    expect(started).toMatchObject({
      userCode: expect.any(String),
      verificationUri: `${tenant.url}activate`,
      interval: 1,
    });
    const pending: string[] = [];
    let firstPending: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => {
      firstPending = resolve;
    });
    const polling = session.client.device.poll({
      ...started,
      onPending: ({ code }) => {
        pending.push(code);
        firstPending();
      },
    });
    // The device has been told "not yet" before the user acts.
    await waiting;

    // The user, on another device: open the link, confirm the code, log in, allow.
    const browser = new Browser();
    const post = (page: string, extra: Record<string, string> = {}) =>
      browser.follow(formAction(page, tenant.url), tenant, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...hiddenInputs(page), ...extra }),
      });
    const { response: entry } = await browser.follow(started.verificationUriComplete as string, tenant);
    const { response: confirm } = await post(await entry.text());
    const { response: loginPage } = await post(await confirm.text());
    const { response: consent } = await post(await loginPage.text(), {
      action: 'login',
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
    });
    const { response: done } = await post(await consent.text(), { action: 'consent' });
    expect(await done.text()).toContain("you're all set");

    await polling;
    expect(pending[0]).toBe('authorization_pending');
    await expectSignedIn(session, DEMO_USER_EMAIL, { audience: DEMO_AUDIENCE });
  });
});
