import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, DEMO_CONNECTION } from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import {
  type Answer,
  lastMessage,
  MFA_OOB,
  MFA_OTP,
  MFA_RECOVERY_CODE,
  PASSWORD_REALM,
  PASSWORDLESS_OTP,
  postJson,
  token,
  totpNow,
} from './auth0Api.js';
import { Browser, formAction } from './browser.js';
import { authorizationUrl, discover, exchange, REDIRECT_URI } from './oauthClient.js';

const PASSWORD = 'Mfa-Password-2026!';
let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    config: {
      connections: [
        {
          name: DEMO_CONNECTION,
          users: [
            { email: 'otp@sesame.test', password: PASSWORD, mfa_policy: 'always' },
            { email: 'oob@sesame.test', password: PASSWORD, mfa_policy: 'always' },
            { email: 'enrolled@sesame.test', password: PASSWORD, mfa_policy: 'enrolled' },
            { email: 'page@sesame.test', password: PASSWORD, mfa_policy: 'always' },
          ],
        },
      ],
    },
  });
});
afterAll(() => tenant?.stop());

const login = (username: string, params: Record<string, string> = {}) =>
  token(tenant, {
    grant_type: PASSWORD_REALM,
    realm: DEMO_CONNECTION,
    username,
    password: PASSWORD,
    scope: 'openid offline_access read:messages',
    audience: DEMO_AUDIENCE,
    ...params,
  });

async function mfaToken(username: string, params: Record<string, string> = {}): Promise<string> {
  const { status, body } = await login(username, params);
  expect(status).toBe(403);
  expect(body).toMatchObject({
    error: 'mfa_required',
    error_description: 'Multifactor authentication required',
  });
  return body.mfa_token!;
}

const api = async (method: string, path: string, bearer?: string, body?: unknown): Promise<Answer> => {
  const response = await fetch(new URL(path, tenant.url), {
    method,
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};

describe('MFA with an authenticator app (otp)', () => {
  let secret = '';
  let recoveryCode = '';

  it('answers mfa_required, then enrols with the mfa_token and logs in with a TOTP', async () => {
    const mfa = await mfaToken('otp@sesame.test');
    expect((await api('GET', '/mfa/authenticators', mfa)).body).toEqual([]);

    const associated = await api('POST', '/mfa/associate', mfa, { authenticator_types: ['otp'] });
    expect(associated.status).toBe(200);
    const body = associated.body as { secret: string; barcode_uri: string; recovery_codes: string[] };
    expect(body).toMatchObject({ authenticator_type: 'otp' });
    expect(body.barcode_uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(body.recovery_codes).toHaveLength(1);
    secret = body.secret;
    recoveryCode = body.recovery_codes[0]!;

    const wrong = await token(tenant, {
      grant_type: MFA_OTP,
      mfa_token: mfa,
      otp: '000000' === totpNow(secret) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid otp_code.' });

    const { status, body: tokens } = await token(tenant, {
      grant_type: MFA_OTP,
      mfa_token: mfa,
      otp: totpNow(secret),
    });
    expect(status).toBe(200);
    expect(jose.decodeJwt(tokens.access_token!)).toMatchObject({
      aud: DEMO_AUDIENCE,
      scope: 'read:messages',
    });
    expect(jose.decodeJwt(tokens.id_token!).amr).toEqual(['pwd', 'mfa', 'otp']);
    expect(tokens.refresh_token).toBeTypeOf('string');

    // The mfa_token is spent.
    expect(
      (await token(tenant, { grant_type: MFA_OTP, mfa_token: mfa, otp: totpNow(secret) })).body,
    ).toMatchObject({
      error: 'invalid_grant',
      error_description: 'Malformed mfa_token',
    });
  });

  it('challenges an enrolled user with otp; associate then needs an access token', async () => {
    const { body } = await login('otp@sesame.test');
    expect(body.mfa_requirements).toEqual({ challenge: [{ type: 'otp' }] });
    const mfa = body.mfa_token!;
    const enrolled = await api('POST', '/mfa/associate', mfa, { authenticator_types: ['otp'] });
    expect(enrolled).toMatchObject({ status: 401, body: { error_description: 'User is already enrolled.' } });
    const challenge = await postJson(tenant, '/mfa/challenge', {
      client_id: 'sesame-spa',
      mfa_token: mfa,
      challenge_type: 'otp',
    });
    expect(challenge).toMatchObject({ status: 200, body: { challenge_type: 'otp' } });
    expect((await token(tenant, { grant_type: MFA_OTP, mfa_token: mfa, otp: totpNow(secret) })).status).toBe(
      200,
    );
  });

  it('accepts the recovery code once and returns a new one', async () => {
    const mfa = await mfaToken('otp@sesame.test');
    const { status, body } = await token(tenant, {
      grant_type: MFA_RECOVERY_CODE,
      mfa_token: mfa,
      recovery_code: recoveryCode,
    });
    expect(status).toBe(200);
    expect(body.access_token).toBeTypeOf('string');
    expect(body.recovery_code).toMatch(/^[A-Z0-9]{24}$/);
    expect(body.recovery_code).not.toBe(recoveryCode);

    const again = await mfaToken('otp@sesame.test');
    const reused = await token(tenant, {
      grant_type: MFA_RECOVERY_CODE,
      mfa_token: again,
      recovery_code: recoveryCode,
    });
    expect(reused.status).toBe(403);
    expect(reused.body.error).toBe('invalid_grant');
  });

  it('lists and deletes authenticators with an access token for the MFA API', async () => {
    const mfa = await mfaToken('otp@sesame.test', {
      audience: `${tenant.url}mfa/`,
      scope: 'read:authenticators remove:authenticators',
    });
    const { body } = await token(tenant, { grant_type: MFA_OTP, mfa_token: mfa, otp: totpNow(secret) });
    const accessToken = body.access_token!;

    const listed = await api('GET', '/mfa/authenticators', accessToken);
    const authenticators = listed.body as { id: string; authenticator_type: string; active: boolean }[];
    expect(authenticators.map((a) => [a.authenticator_type, a.active]).sort()).toEqual([
      ['otp', true],
      ['recovery-code', true],
    ]);
    const otp = authenticators.find((a) => a.authenticator_type === 'otp')!;

    expect((await api('DELETE', `/mfa/authenticators/${encodeURIComponent(otp.id)}`)).status).toBe(401);
    expect((await api('DELETE', '/mfa/authenticators/totp%7Cnope', accessToken)).status).toBe(404);
    expect(
      (await api('DELETE', `/mfa/authenticators/${encodeURIComponent(otp.id)}`, accessToken)).status,
    ).toBe(204);
    const after = (await api('GET', '/mfa/authenticators', accessToken)).body as { id: string }[];
    expect(after.map((a) => a.id)).not.toContain(otp.id);
  });

  it('refuses an access token without the needed scope or for another API', async () => {
    const { body } = await token(tenant, {
      grant_type: PASSWORD_REALM,
      realm: DEMO_CONNECTION,
      username: 'enrolled@sesame.test',
      password: PASSWORD,
      audience: DEMO_AUDIENCE,
    });
    expect((await api('GET', '/mfa/authenticators', body.access_token)).status).toBe(401);
    const missing = await postJson(tenant, '/mfa/challenge', { client_id: 'sesame-spa' });
    expect(missing).toMatchObject({ status: 400, body: { error_description: 'mfa_token is required' } });
  });
});

describe('MFA by SMS (oob with a binding code)', () => {
  const phone = '+15550001111';

  it('enrols by SMS: authorization_pending until the binding code is given', async () => {
    const mfa = await mfaToken('oob@sesame.test');
    const associated = await api('POST', '/mfa/associate', mfa, {
      authenticator_types: ['oob'],
      oob_channels: ['sms'],
      phone_number: phone,
    });
    expect(associated.body).toMatchObject({
      authenticator_type: 'oob',
      oob_channel: 'sms',
      binding_method: 'prompt',
    });
    const { oob_code: oobCode } = associated.body as { oob_code: string };

    const pending = await token(tenant, { grant_type: MFA_OOB, mfa_token: mfa, oob_code: oobCode });
    expect(pending.status).toBe(400);
    expect(pending.body.error).toBe('authorization_pending');
    const { code } = await lastMessage(tenant, phone);
    const wrong = await token(tenant, {
      grant_type: MFA_OOB,
      mfa_token: mfa,
      oob_code: oobCode,
      binding_code: code === '000000' ? '1' : '000000',
    });
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Invalid binding_code.' },
    });
    const ok = await token(tenant, {
      grant_type: MFA_OOB,
      mfa_token: mfa,
      oob_code: oobCode,
      binding_code: code!,
    });
    expect(ok.status).toBe(200);
  });

  it('challenges by SMS on the next login', async () => {
    const mfa = await mfaToken('oob@sesame.test');
    const challenge = await postJson(tenant, '/mfa/challenge', {
      client_id: 'sesame-spa',
      mfa_token: mfa,
      challenge_type: 'oob',
    });
    expect(challenge.body).toMatchObject({ challenge_type: 'oob', binding_method: 'prompt' });
    const { code, purpose } = await lastMessage(tenant, phone);
    expect(purpose).toBe('mfa_oob');
    const { oob_code: oobCode } = challenge.body as { oob_code: string };
    expect(
      (await token(tenant, { grant_type: MFA_OOB, mfa_token: mfa, oob_code: oobCode, binding_code: code! }))
        .status,
    ).toBe(200);
  });
});

describe('MFA policy', () => {
  it('enrolled: a user without an authenticator logs in with the password alone', async () => {
    expect((await login('enrolled@sesame.test')).status).toBe(200);
  });

  it('always, for the tenant: the passwordless OTP grant answers mfa_required too', async () => {
    const strict = await startTenant({ port: 0, config: { mfa: { policy: 'always' } } });
    try {
      const email = 'pwdless@sesame.test';
      await postJson(strict, '/passwordless/start', {
        client_id: 'sesame-spa',
        connection: 'email',
        email,
        send: 'code',
      });
      const { code } = await lastMessage(strict, email);
      const { status, body } = await token(strict, {
        grant_type: PASSWORDLESS_OTP,
        realm: 'email',
        username: email,
        otp: code!,
      });
      expect(status).toBe(403);
      expect(body).toMatchObject({ error: 'mfa_required', mfa_token: expect.any(String) });
    } finally {
      await strict.stop();
    }
  });
});

describe('with a data folder', () => {
  it('keeps authenticators across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sesame-mfa-'));
    const config = {
      connections: [{ name: DEMO_CONNECTION, users: [{ email: 'kept@sesame.test', password: PASSWORD }] }],
      mfa: { policy: 'always' as const },
    };
    const first = await startTenant({ port: 0, dataDir, config });
    const loginTo = async (target: RunningTenant) => {
      const { body } = await token(target, {
        grant_type: PASSWORD_REALM,
        realm: DEMO_CONNECTION,
        username: 'kept@sesame.test',
        password: PASSWORD,
      });
      return body.mfa_token!;
    };
    let secret = '';
    try {
      const mfa = await loginTo(first);
      const response = await fetch(`${first.url}mfa/associate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mfa}`, 'content-type': 'application/json' },
        body: JSON.stringify({ authenticator_types: ['otp'] }),
      });
      secret = ((await response.json()) as { secret: string }).secret;
      expect((await token(first, { grant_type: MFA_OTP, mfa_token: mfa, otp: totpNow(secret) })).status).toBe(
        200,
      );
    } finally {
      await first.stop();
    }
    const second = await startTenant({ port: 0, dataDir, config });
    try {
      const mfa = await loginTo(second);
      expect(
        (await token(second, { grant_type: MFA_OTP, mfa_token: mfa, otp: totpNow(secret) })).status,
      ).toBe(200);
    } finally {
      await second.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the login page', () => {
  async function formLogin(browser: Browser) {
    const as = await discover(tenant);
    const request = await authorizationUrl(as);
    const { response: page } = await browser.follow(request.url, tenant);
    const { response } = await browser.follow(formAction(await page.text(), tenant.url), tenant, {
      method: 'POST',
      body: new URLSearchParams({ action: 'login', username: 'page@sesame.test', password: PASSWORD }),
    });
    return { as, request, html: await response.text() };
  }
  const submitCode = (browser: Browser, html: string, code: string) =>
    browser.follow(formAction(html, tenant.url), tenant, {
      method: 'POST',
      body: new URLSearchParams({ action: 'mfa', code }),
    });

  it('enrols with a TOTP after the password, then challenges', async () => {
    const browser = new Browser();
    const { as, request, html } = await formLogin(browser);
    expect(html).toContain('Secure your account');
    const secret = /<code id="secret">([A-Z2-7]+)<\/code>/.exec(html)![1]!;
    const wrong = await submitCode(browser, html, totpNow(secret) === '000000' ? '111111' : '000000');
    expect(wrong.response.status).toBe(401);
    expect(await wrong.response.text()).toContain('Wrong code');
    expect(browser.hasSession(tenant)).toBe(false);

    const { url: callback } = await submitCode(browser, html, totpNow(secret));
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    const tokens = await exchange(as, callback, request);
    expect(tokens.access_token).toBeTypeOf('string');

    const second = new Browser();
    const next = await formLogin(second);
    expect(next.html).toContain('Verify your identity');
    expect(next.html).not.toContain(secret);
    const { url } = await submitCode(second, next.html, totpNow(secret));
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
  });
});
