import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import { client, discover, insecure, logIn } from './oauthClient.js';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({ port: 0, config: { registration: { enabled: true } } });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());

const revoke = (body: Record<string, string>) =>
  fetch(`${tenant.url}oauth/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const refreshWith = (refreshToken: string) =>
  oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, insecure);
const register = (on: RunningTenant, body: Record<string, unknown>) =>
  fetch(`${on.url}oidc/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /oauth/revoke (Auth0 JSON body)', () => {
  it('revokes a refresh token and the grant: refreshing fails, its access tokens stop working', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid offline_access' });
    const response = await revoke({ client_id: client.client_id, token: tokens.refresh_token! });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');

    const refresh = await refreshWith(tokens.refresh_token!);
    await expect(oauth.processRefreshTokenResponse(as, client, refresh)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await oauth.userInfoRequest(as, client, tokens.access_token, insecure)).status).toBe(401);
  });

  it('answers 200 for an unknown token (RFC 7009) and 400 naming a missing field', async () => {
    expect((await revoke({ client_id: client.client_id, token: 'unknown' })).status).toBe(200);
    const noToken = await revoke({ client_id: client.client_id });
    expect(noToken.status).toBe(400);
    expect(await noToken.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('token'),
    });
    const noClient = await revoke({ token: 'x' });
    expect(noClient.status).toBe(400);
    expect(await noClient.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: client_id',
    });
  });

  it("does not revoke another application's token", async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid offline_access' });
    expect((await revoke({ client_id: 'sesame-device', token: tokens.refresh_token! })).status).toBe(200);
    const refresh = await refreshWith(tokens.refresh_token!);
    expect(refresh.status).toBe(200);
  });
});

describe('POST /oidc/register', () => {
  it("registers a confidential client with Auth0's response shape", async () => {
    const response = await register(tenant, {
      client_name: 'My Dynamic Client',
      redirect_uris: ['https://client.example.test/callback'],
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'client_id',
      'client_name',
      'client_secret',
      'client_secret_expires_at',
      'redirect_uris',
    ]);
    expect(body).toMatchObject({
      client_name: 'My Dynamic Client',
      client_id: expect.any(String),
      client_secret: expect.any(String),
      redirect_uris: ['https://client.example.test/callback'],
      client_secret_expires_at: 0,
    });
    // The client exists and authenticates with its secret (here, at the revocation endpoint).
    const revoked = await fetch(`${tenant.url}oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: body.client_id as string,
        client_secret: body.client_secret as string,
        token: 'x',
      }),
    });
    expect(revoked.status).toBe(200);
  });

  it('registers a SPA (token_endpoint_auth_method none) without secret, named "My App" by default', async () => {
    const response = await register(tenant, {
      redirect_uris: ['https://spa.example.test/callback'],
      token_endpoint_auth_method: 'none',
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ client_name: 'My App' });
    expect(body).not.toHaveProperty('client_secret');
  });

  it('refuses bad metadata, naming the field', async () => {
    const response = await register(tenant, { redirect_uris: 'not-a-list' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_redirect_uri',
      error_description: expect.stringContaining('redirect_uris'),
    });
  });

  it('is not served when registration is off (the default)', async () => {
    const off = await startTenant({ port: 0 });
    try {
      const response = await register(off, { redirect_uris: ['https://client.example.test/callback'] });
      expect(response.status).toBe(404);
      const discovery = (await (await fetch(`${off.url}.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >;
      expect(discovery).not.toHaveProperty('registration_endpoint');
    } finally {
      await off.stop();
    }
  });
});
