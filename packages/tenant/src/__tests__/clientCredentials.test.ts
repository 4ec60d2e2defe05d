import * as jose from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, DEMO_M2M_CLIENT_ID, DEMO_M2M_CLIENT_SECRET } from '../config/defaultConfig.js';
import type { TenantStats } from '../dev/stats.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { discover, insecure } from './oauthClient.js';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;
const m2m: oauth.Client = { client_id: DEMO_M2M_CLIENT_ID };

beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());

const tokenRequest = (body: Record<string, string>, json = false) =>
  fetch(as.token_endpoint!, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(body) : new URLSearchParams(body),
  });
const credentials = { grant_type: 'client_credentials', client_id: DEMO_M2M_CLIENT_ID };

describe('client credentials', () => {
  it('issues a JWT for the API with every API scope when no scope is asked (Auth0 JSON body)', async () => {
    const response = await tokenRequest(
      { ...credentials, client_secret: DEMO_M2M_CLIENT_SECRET, audience: DEMO_AUDIENCE },
      true,
    );
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 86_400 });
    expect(tokens).not.toHaveProperty('id_token');
    expect(tokens).not.toHaveProperty('refresh_token');
    const { payload, protectedHeader } = await jose.jwtVerify(
      tokens.access_token as string,
      jose.createRemoteJWKSet(new URL(as.jwks_uri!)),
      { issuer: tenant.url, audience: DEMO_AUDIENCE },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: `${DEMO_M2M_CLIENT_ID}@clients`,
      client_id: DEMO_M2M_CLIENT_ID,
      scope: 'read:messages write:messages',
    });
  });

  it('narrows to the requested scopes (oauth4webapi, client_secret_post)', async () => {
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      m2m,
      oauth.ClientSecretPost(DEMO_M2M_CLIENT_SECRET),
      new URLSearchParams({ audience: DEMO_AUDIENCE, scope: 'read:messages' }),
      insecure,
    );
    const tokens = await oauth.processClientCredentialsResponse(as, m2m, response);
    expect(jose.decodeJwt(tokens.access_token)).toMatchObject({ aud: DEMO_AUDIENCE, scope: 'read:messages' });
    const counted = (await (await fetch(`${tenant.url}__dev/stats`)).json()) as TenantStats;
    expect(counted.grantTypes.client_credentials).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const response = await tokenRequest({ ...credentials, client_secret: 'wrong', audience: DEMO_AUDIENCE });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses an unknown audience', async () => {
    const response = await tokenRequest({
      ...credentials,
      client_secret: DEMO_M2M_CLIENT_SECRET,
      audience: 'https://unknown.test',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'access_denied',
      error_description: 'Service not found: https://unknown.test',
    });
  });

  it('refuses a request without audience or client_id, naming the field', async () => {
    const noAudience = await tokenRequest({ ...credentials, client_secret: DEMO_M2M_CLIENT_SECRET });
    expect(noAudience.status).toBe(400);
    expect(await noAudience.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: audience',
    });
    const noClient = await tokenRequest({ grant_type: 'client_credentials', audience: DEMO_AUDIENCE });
    expect(noClient.status).toBe(400);
    expect(await noClient.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: client_id',
    });
  });

  it('is refused to the SPA (a public client without the grant)', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'sesame-spa',
      audience: DEMO_AUDIENCE,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'unauthorized_client',
      error_description: "Grant type 'client_credentials' not allowed for the client.",
    });
  });
});
