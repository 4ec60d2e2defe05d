import * as jose from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_AUDIENCE,
  DEMO_CONNECTION,
  DEMO_USER_EMAIL,
  DEMO_USER_PASSWORD,
} from '../config/defaultConfig.js';
import type { TenantStats } from '../dev/stats.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { devReset, lastMessage, PASSWORD_REALM, postJson, token } from './auth0Api.js';

let tenant: RunningTenant;
const SERVER = { client_id: 'sesame-server', client_secret: 'server-secret-123' };

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    config: {
      brute_force_protection: { max_attempts: 3 },
      clients: [
        { client_id: 'sesame-spa', grant_types: ['password', PASSWORD_REALM, 'refresh_token'] },
        { ...SERVER, app_type: 'regular_web', grant_types: ['password', PASSWORD_REALM] },
      ],
    },
  });
});
afterAll(() => tenant?.stop());
beforeEach(() => devReset(tenant));

const realmLogin = (params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  token(
    tenant,
    {
      grant_type: PASSWORD_REALM,
      realm: DEMO_CONNECTION,
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
      ...params,
    },
    headers,
  );

describe('password-realm grant', () => {
  it('issues an API JWT, an ID token and a refresh token that refreshes', async () => {
    const { status, body } = await realmLogin({
      audience: DEMO_AUDIENCE,
      scope: 'openid profile email offline_access read:messages',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 86_400 });
    const jwks = jose.createRemoteJWKSet(new URL(`${tenant.url}.well-known/jwks.json`));
    const { payload } = await jose.jwtVerify(body.access_token!, jwks, {
      issuer: tenant.url,
      audience: DEMO_AUDIENCE,
    });
    expect(payload.scope).toBe('openid profile email offline_access read:messages');
    const { payload: id } = await jose.jwtVerify(body.id_token!, jwks, {
      issuer: tenant.url,
      audience: 'sesame-spa',
    });
    expect(id).toMatchObject({ email: DEMO_USER_EMAIL, name: 'Demo User', amr: ['pwd'] });

    const refreshed = await token(tenant, {
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token!,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(body.refresh_token);
    const again = await jose.jwtVerify(refreshed.body.access_token!, jwks, { audience: DEMO_AUDIENCE });
    expect(again.payload.sub).toBe(payload.sub);
  });

  it('accepts a JSON body', async () => {
    const { status, body } = await postJson(tenant, '/oauth/token', {
      grant_type: PASSWORD_REALM,
      client_id: 'sesame-spa',
      realm: DEMO_CONNECTION,
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
      scope: 'openid',
    });
    expect(status).toBe(200);
    expect(body).toHaveProperty('id_token');
  });

  it('answers 403 invalid_grant for a wrong password or an unknown user', async () => {
    const cases: Record<string, string>[] = [{ password: 'wrong' }, { username: 'nobody@sesame.test' }];
    for (const params of cases) {
      const { status, body } = await realmLogin(params);
      expect(status).toBe(403);
      expect(body).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' });
    }
  });

  it('names a missing field and refuses an unknown realm', async () => {
    const missing = await realmLogin({ username: '' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: 'invalid_request',
      error_description: "missing required parameter 'username'",
    });
    expect((await realmLogin({ realm: '' })).body.error_description).toContain("'realm'");
    expect((await realmLogin({ realm: 'nope' })).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unknown audience', async () => {
    const { status, body } = await realmLogin({ audience: 'https://unknown.test' });
    expect(status).toBe(403);
    expect(body).toEqual({
      error: 'access_denied',
      error_description: 'Service not found: https://unknown.test',
    });
  });

  it('is counted in the stats, as the Auth0 endpoints are', async () => {
    await realmLogin();
    await token(tenant, { grant_type: 'password', username: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD });
    await postJson(tenant, '/passwordless/start', {
      client_id: 'sesame-spa',
      connection: 'email',
      email: 's@sesame.test',
    });
    await fetch(`${tenant.url}mfa/authenticators`);
    const stats = (await (await fetch(`${tenant.url}__dev/stats`)).json()) as TenantStats;
    expect(stats.grantTypes).toEqual({ [PASSWORD_REALM]: 1, password: 1 });
    expect(stats.endpoints).toMatchObject({
      'POST /oauth/token': 2,
      'POST /passwordless/start': 1,
      'GET /mfa/authenticators': 1,
    });
  });
});

describe('password grant', () => {
  it('logs in against the default connection without a realm', async () => {
    const { status, body } = await token(tenant, {
      grant_type: 'password',
      username: DEMO_USER_EMAIL,
      password: DEMO_USER_PASSWORD,
      scope: 'openid',
    });
    expect(status).toBe(200);
    expect(body.id_token).toBeTypeOf('string');
    expect(body.refresh_token).toBeUndefined();
  });
});

describe('brute-force protection', () => {
  it('blocks a user from an IP after the configured failures until a password change', async () => {
    for (let i = 0; i < 3; i += 1) expect((await realmLogin({ password: 'wrong' })).status).toBe(403);
    const blocked = await realmLogin();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('too_many_attempts');

    await postJson(tenant, '/dbconnections/change_password', {
      client_id: 'sesame-spa',
      connection: DEMO_CONNECTION,
      email: DEMO_USER_EMAIL,
    });
    const { link } = await lastMessage(tenant, DEMO_USER_EMAIL);
    const ticket = new URL(link!).searchParams.get('ticket')!;
    await fetch(`${tenant.url}lo/reset`, {
      method: 'POST',
      body: new URLSearchParams({ ticket, password: DEMO_USER_PASSWORD }),
    });
    expect((await realmLogin()).status).toBe(200);
  });

  it('is lifted by /__dev/reset, and a success zeroes the count', async () => {
    for (let i = 0; i < 2; i += 1) await realmLogin({ password: 'wrong' });
    expect((await realmLogin()).status).toBe(200);
    for (let i = 0; i < 2; i += 1) await realmLogin({ password: 'wrong' });
    expect((await realmLogin()).status).toBe(200);
    for (let i = 0; i < 3; i += 1) await realmLogin({ password: 'wrong' });
    expect((await realmLogin()).status).toBe(429);
    await devReset(tenant);
    expect((await realmLogin()).status).toBe(200);
  });

  it('honours auth0-forwarded-for only from a confidential client', async () => {
    const forwarded = { 'auth0-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 3; i += 1) await realmLogin({ ...SERVER, password: 'wrong' }, forwarded);
    expect((await realmLogin(SERVER, forwarded)).status).toBe(429);
    // Another end user IP, and the SPA (whose header is ignored) are not blocked.
    expect((await realmLogin(SERVER, { 'auth0-forwarded-for': '203.0.113.8' })).status).toBe(200);
    expect((await realmLogin({}, forwarded)).status).toBe(200);

    for (let i = 0; i < 3; i += 1)
      await realmLogin({ password: 'wrong' }, { 'auth0-forwarded-for': '198.51.100.1' });
    // The SPA's failures counted against its own connection IP, whatever the header says.
    expect((await realmLogin({}, { 'auth0-forwarded-for': '198.51.100.2' })).status).toBe(429);
  });
});
