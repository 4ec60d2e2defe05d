import * as jose from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { devReset, lastMessage, outbox, PASSWORDLESS_OTP, postJson, token } from './auth0Api.js';
import { Browser } from './browser.js';
import { authorizationUrl, discover, exchange, REDIRECT_URI } from './oauthClient.js';

let tenant: RunningTenant;
let offset = 0;

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    now: () => Date.now() + offset,
    config: {
      passwordless: { rate_limit_per_hour: 5 },
      clients: [{ client_id: 'web', app_type: 'regular_web', client_secret: 'web-secret-123' }],
    },
  });
});
afterAll(() => tenant?.stop());
beforeEach(async () => {
  offset = 0;
  await devReset(tenant);
});

const start = (body: Record<string, unknown>) =>
  postJson(tenant, '/passwordless/start', {
    client_id: 'sesame-spa',
    connection: 'email',
    send: 'code',
    ...body,
  });
const otpLogin = (username: string, otp: string, realm = 'email') =>
  token(tenant, { grant_type: PASSWORDLESS_OTP, realm, username, otp, scope: 'openid profile email' });

describe('POST /passwordless/start + the OTP grant', () => {
  it('emails a code that logs in once, creating the user', async () => {
    const email = 'first@sesame.test';
    const started = await start({ email });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ email, email_verified: false });
    const message = await lastMessage(tenant, email);
    expect(message).toMatchObject({ channel: 'email', purpose: 'passwordless_code' });
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.text).toContain(message.code);

    const { status, body } = await otpLogin(email, message.code!);
    expect(status).toBe(200);
    const claims = jose.decodeJwt(body.id_token!);
    expect(claims).toMatchObject({ email, email_verified: true });
    expect(claims.sub).toMatch(/^email\|/);

    const reused = await otpLogin(email, message.code!);
    expect(reused.status).toBe(403);
    expect(reused.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Wrong email or verification code.',
    });
  });

  it('texts a code by SMS', async () => {
    const phone = '+15555550123';
    const started = await start({ connection: 'sms', phone_number: phone });
    expect(started.body).toMatchObject({ phone_number: phone, phone_verified: false });
    const message = await lastMessage(tenant, phone);
    expect(message).toMatchObject({ channel: 'sms', purpose: 'passwordless_code' });
    const { status, body } = await otpLogin(phone, message.code!, 'sms');
    expect(status).toBe(200);
    expect(jose.decodeJwt(body.id_token!).sub).toMatch(/^sms\|/);
    expect(tenant.services.users.findBy('sms', 'phone_number', phone)).toBeDefined();
  });

  it('voids a code after three wrong tries', async () => {
    await start({ email: 'wrong@sesame.test' });
    const { code } = await lastMessage(tenant, 'wrong@sesame.test');
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await otpLogin('wrong@sesame.test', wrong)).body.error_description).toBe(
      'Wrong email or verification code.',
    );
    await otpLogin('wrong@sesame.test', wrong);
    expect((await otpLogin('wrong@sesame.test', wrong)).body.error_description).toBe(
      "You've reached the maximum number of attempts. Please try to login again.",
    );
    expect((await otpLogin('wrong@sesame.test', code!)).status).toBe(403);
  });

  it('expires codes after five minutes', async () => {
    await start({ email: 'late@sesame.test' });
    const { code } = await lastMessage(tenant, 'late@sesame.test');
    offset = 301_000;
    const { status, body } = await otpLogin('late@sesame.test', code!);
    expect(status).toBe(403);
    expect(body.error_description).toBe('The verification code has expired. Please try to login again.');
  });

  it('names a missing or bad field', async () => {
    const noEmail = await start({});
    expect(noEmail.status).toBe(400);
    expect(noEmail.body).toMatchObject({ error: 'invalid_request', error_description: 'email is required' });
    expect((await start({ connection: 'fax', email: 'a@b.test' })).body).toMatchObject({
      error: 'bad.connection',
    });
    expect((await start({ email: 'a@b.test', send: 'pigeon' })).body).toMatchObject({ error: 'bad.send' });
    expect((await start({ email: 'a@b.test', authParams: 'x' })).body).toMatchObject({
      error: 'bad.authParams',
    });
    expect((await start({ email: 'a@b.test', client_id: undefined })).body).toMatchObject({
      error_description: 'client_id is required',
    });
    const noOtp = await token(tenant, { grant_type: PASSWORDLESS_OTP, realm: 'email', username: 'a@b.test' });
    expect(noOtp.body).toMatchObject({
      error: 'invalid_request',
      error_description: "missing required parameter 'otp'",
    });
    expect(await outbox(tenant, 'a@b.test')).toEqual([]);
  });

  it('refuses a confidential application without its client_secret', async () => {
    const refused = await start({ client_id: 'web', email: 'web@sesame.test' });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({
      error: 'unauthorized_client',
      error_description: 'Client authentication is required',
    });
    expect(await outbox(tenant, 'web@sesame.test')).toEqual([]);
    const wrong = await start({ client_id: 'web', client_secret: 'nope', email: 'web@sesame.test' });
    expect(wrong.status).toBe(401);
    expect(
      (await start({ client_id: 'web', client_secret: 'web-secret-123', email: 'web@sesame.test' })).status,
    ).toBe(200);
    const basic = await postJson(
      tenant,
      '/passwordless/start',
      { connection: 'email', send: 'code', email: 'web@sesame.test' },
      { authorization: `Basic ${Buffer.from('web:web-secret-123').toString('base64')}` },
    );
    expect(basic.status).toBe(200);
  });

  it('limits messages per IP and hour, answering 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i += 1) expect((await start({ email: `r${i}@sesame.test` })).status).toBe(200);
    const limited = await start({ email: 'r5@sesame.test' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'too_many_requests' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await outbox(tenant, 'r5@sesame.test')).toEqual([]);
    offset = 3_601_000;
    expect((await start({ email: 'r5@sesame.test' })).status).toBe(200);
  });
});

describe('magic links', () => {
  it('log in through /authorize and land on the callback with a code', async () => {
    const as = await discover(tenant);
    const request = await authorizationUrl(as);
    const authParams = Object.fromEntries(request.url.searchParams);
    delete authParams.client_id;
    const email = 'link@sesame.test';
    const started = await postJson(tenant, '/passwordless/start', {
      client_id: 'sesame-spa',
      connection: 'email',
      email,
      authParams,
    });
    expect(started.status).toBe(200);
    const { link, purpose } = await lastMessage(tenant, email);
    expect(purpose).toBe('passwordless_link');

    const browser = new Browser();
    const { url: callback } = await browser.follow(link!, tenant);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    const tokens = await exchange(as, callback, request);
    expect(oauth.getValidatedIdTokenClaims(tokens)).toMatchObject({ email });
    expect(browser.hasSession(tenant)).toBe(true);

    const again = await new Browser().follow(link!, tenant);
    expect(again.response.status).toBe(400);
  });
});
