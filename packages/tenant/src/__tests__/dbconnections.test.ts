import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONNECTION, DEMO_USER_EMAIL } from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { lastMessage, outbox, PASSWORD_REALM, postJson, token } from './auth0Api.js';

let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    config: {
      connections: [
        {
          name: 'usernames',
          requires_username: true,
          password_policy: { min_length: 10, require: ['numbers', 'special'] },
        },
      ],
      clients: [{ client_id: 'other-spa', web_origins: ['http://127.0.0.1:7777'] }],
    },
  });
});
afterAll(() => tenant?.stop());

const signup = (body: Record<string, unknown>) =>
  postJson(tenant, '/dbconnections/signup', {
    client_id: 'sesame-spa',
    connection: DEMO_CONNECTION,
    password: 'Correct-Horse-7',
    ...body,
  });

describe('POST /dbconnections/signup', () => {
  it("creates a user and answers Auth0's body; the user can log in", async () => {
    const { status, body } = await signup({
      email: 'new@sesame.test',
      given_name: 'Ann',
      family_name: 'Lee',
      user_metadata: { plan: 'free' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      email: 'new@sesame.test',
      email_verified: false,
      given_name: 'Ann',
      family_name: 'Lee',
      user_metadata: { plan: 'free' },
    });
    expect((body as { _id: string })._id).toMatch(/^[0-9a-f]{24}$/);
    const login = await token(tenant, {
      grant_type: PASSWORD_REALM,
      realm: DEMO_CONNECTION,
      username: 'new@sesame.test',
      password: 'Correct-Horse-7',
      scope: 'openid',
    });
    expect(login.status).toBe(200);
    expect(login.body.id_token).toBeTypeOf('string');
  });

  it('answers 400 naming a missing or ill-typed field, and stores nothing', async () => {
    const missing = await signup({ email: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      name: 'BadRequestError',
      statusCode: 400,
      description: 'email is required',
    });
    const typed = await signup({ email: 'typed@sesame.test', given_name: 42 });
    expect(typed.body).toMatchObject({ description: 'given_name must be a string' });
    const noPassword = await signup({ email: 'typed@sesame.test', password: '' });
    expect(noPassword.body).toMatchObject({ description: 'password is required' });
    expect(tenant.services.users.findByEmail(DEMO_CONNECTION, 'typed@sesame.test')).toBeUndefined();
  });

  it('limits user_metadata as the spec says', async () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    expect((await signup({ email: 'm1@sesame.test', user_metadata: many })).body).toMatchObject({
      description: 'user_metadata must have at most 10 properties',
    });
    expect(
      (await signup({ email: 'm2@sesame.test', user_metadata: { long: 'x'.repeat(501) } })).body,
    ).toMatchObject({
      description: 'user_metadata.long must be at most 500 characters',
    });
    expect((await signup({ email: 'm3@sesame.test', user_metadata: { n: 1 } })).body).toMatchObject({
      description: 'user_metadata.n must be a string',
    });
    expect(
      (await signup({ email: 'm4@sesame.test', user_metadata: { ['x'.repeat(101)]: 'v' } })).status,
    ).toBe(400);
    expect(tenant.services.users.findByEmail(DEMO_CONNECTION, 'm1@sesame.test')).toBeUndefined();
  });

  it('refuses a duplicate user', async () => {
    const { status, body } = await signup({ email: DEMO_USER_EMAIL.toUpperCase() });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'user_exists', description: 'The user already exists.' });
  });

  it('refuses a weak password naming the failed rules', async () => {
    const { status, body } = await signup({ email: 'weak@sesame.test', password: 'short' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ name: 'PasswordStrengthError', code: 'invalid_password', statusCode: 400 });
    const { message, description } = body as {
      message: string;
      description: { rules: { code: string; verified: boolean }[] };
    };
    expect(message).toContain('at least 8 characters in length');
    expect(message).toContain('upper case letters (A-Z)');
    expect(description.rules.find((rule) => rule.code === 'lengthAtLeast')?.verified).toBe(false);
    expect((body as { policy: string }).policy).toBe(
      [
        '* At least 8 characters in length',
        '* Should contain:',
        '  * lower case letters (a-z)',
        '  * upper case letters (A-Z)',
        '  * numbers (i.e. 0-9)',
      ].join('\n'),
    );
    expect(tenant.services.users.findByEmail(DEMO_CONNECTION, 'weak@sesame.test')).toBeUndefined();
  });

  it("applies the connection's own policy and username requirement", async () => {
    const noUsername = await signup({
      connection: 'usernames',
      email: 'u@sesame.test',
      password: 'long-enough-1!',
    });
    expect(noUsername.body).toMatchObject({ description: 'username is required' });
    const weak = await signup({
      connection: 'usernames',
      email: 'u@sesame.test',
      username: 'u1',
      password: 'longenoughbutplain',
    });
    expect((weak.body as { message: string }).message).toBe(
      'Password is too weak: it needs numbers (i.e. 0-9), special characters (e.g. !@#$%^&*).',
    );
    const ok = await signup({
      connection: 'usernames',
      email: 'u@sesame.test',
      username: 'u1',
      password: 'long-enough-1!',
    });
    expect(ok.body).toMatchObject({ username: 'u1' });
    const taken = await signup({
      connection: 'usernames',
      email: 'u2@sesame.test',
      username: 'u1',
      password: 'long-enough-1!',
    });
    expect(taken.body).toMatchObject({ code: 'username_exists' });
  });

  it('refuses an unknown connection and an unknown client', async () => {
    expect((await signup({ email: 'c@sesame.test', connection: 'nope' })).body).toMatchObject({
      code: 'invalid_connection',
      description: 'Connection not found: nope',
    });
    expect((await signup({ email: 'c@sesame.test', client_id: 'nope' })).status).toBe(401);
  });

  it("answers CORS for the application's web origins", async () => {
    const origin = 'http://127.0.0.1:5173';
    const preflight = await fetch(`${tenant.url}dbconnections/signup`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const { headers } = await postJson(tenant, '/dbconnections/signup', {}, { origin });
    expect(headers.get('access-control-allow-origin')).toBe(origin);
    const other = await postJson(tenant, '/dbconnections/signup', {}, { origin: 'http://evil.test' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Another application's origin may not call with this application's client_id.
    const otherApp = await postJson(
      tenant,
      '/dbconnections/signup',
      { client_id: 'sesame-spa' },
      { origin: 'http://127.0.0.1:7777' },
    );
    expect(otherApp.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('POST /dbconnections/change_password', () => {
  const change = (email: string) =>
    postJson(tenant, '/dbconnections/change_password', {
      client_id: 'sesame-spa',
      connection: DEMO_CONNECTION,
      email,
    });

  it('answers the same sentence for an unknown email, and sends nothing', async () => {
    const unknown = await change('nobody@sesame.test');
    expect(unknown).toMatchObject({
      status: 200,
      body: "We've just sent you an email to reset your password.",
    });
    expect(await outbox(tenant, 'nobody@sesame.test')).toEqual([]);
  });

  it('sends a reset link whose page sets the new password', async () => {
    await signup({ email: 'reset@sesame.test' });
    const known = await change('reset@sesame.test');
    expect(known).toMatchObject({
      status: 200,
      body: "We've just sent you an email to reset your password.",
    });
    const { link, purpose } = await lastMessage(tenant, 'reset@sesame.test');
    expect(purpose).toBe('reset_password');
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    const html = await page.text();
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)![1]!;

    const weak = await fetch(`${tenant.url}lo/reset`, {
      method: 'POST',
      body: new URLSearchParams({ ticket, password: 'weak' }),
    });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('Password is too weak');

    const done = await fetch(`${tenant.url}lo/reset`, {
      method: 'POST',
      body: new URLSearchParams({ ticket, password: 'Brand-New-Pass-9' }),
    });
    expect(done.status).toBe(200);
    const login = (password: string) =>
      token(tenant, {
        grant_type: PASSWORD_REALM,
        realm: DEMO_CONNECTION,
        username: 'reset@sesame.test',
        password,
      });
    expect((await login('Correct-Horse-7')).status).toBe(403);
    expect((await login('Brand-New-Pass-9')).status).toBe(200);
    // The link is single-use.
    expect((await fetch(link!)).status).toBe(400);
  });

  it('names a missing email', async () => {
    const { status, body } = await postJson(tenant, '/dbconnections/change_password', {
      client_id: 'sesame-spa',
      connection: DEMO_CONNECTION,
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ description: 'email is required' });
  });
});
