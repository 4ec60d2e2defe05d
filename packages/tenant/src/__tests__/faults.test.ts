import type * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActiveFault } from '../dev/faults.js';
import type { TenantStats } from '../dev/stats.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import { discover, logIn } from './oauthClient.js';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());
beforeEach(async () => {
  await fetch(`${tenant.url}__dev/reset`, { method: 'POST' });
});

const addFault = (spec: Record<string, unknown>) =>
  fetch(`${tenant.url}__dev/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
const listFaults = async () =>
  ((await (await fetch(`${tenant.url}__dev/faults`)).json()) as { faults: ActiveFault[] }).faults;
const stats = async () => (await (await fetch(`${tenant.url}__dev/stats`)).json()) as TenantStats;
const tokenRequest = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${tenant.url}oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  });
const refreshBody = { grant_type: 'refresh_token', client_id: 'sesame-spa', refresh_token: 'nope' };

describe('/__dev/faults', () => {
  it('answers a status with Retry-After for `count` requests, then the route works again', async () => {
    expect(
      (await addFault({ route: 'POST /oauth/token', count: 2, status: 429, retryAfter: 7 })).status,
    ).toBe(201);
    for (let i = 0; i < 2; i += 1) {
      const response = await tokenRequest(refreshBody, { origin: 'http://127.0.0.1:5175' });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5175');
      expect(await response.json()).toMatchObject({ error: 'too_many_requests' });
    }
    const after = await tokenRequest(refreshBody);
    expect(after.status).toBe(403);
    expect(await after.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await listFaults()).toEqual([]);
    expect(await stats()).toMatchObject({ faultsInjected: 2, grantTypes: { refresh_token: 1 } });
  });

  it('lists active faults with their remaining count, and DELETE clears them', async () => {
    await addFault({ route: '/userinfo', count: 3, status: 503 });
    await fetch(`${tenant.url}userinfo`);
    expect(await listFaults()).toMatchObject([{ route: '/userinfo', count: 2, status: 503 }]);
    expect((await fetch(`${tenant.url}__dev/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(await listFaults()).toEqual([]);
    expect((await fetch(`${tenant.url}userinfo`)).status).toBe(401);
  });

  it('serves an HTML body or a truncated JSON body', async () => {
    await addFault({ route: 'POST /oauth/token', count: 1, status: 502, body: 'html' });
    const html = await tokenRequest(refreshBody);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!doctype html>/);

    await addFault({ route: 'POST /oauth/token', count: 1, body: 'truncated-json' });
    const truncated = await tokenRequest(refreshBody);
    expect(truncated.status).toBe(200);
    expect(truncated.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(truncated.json()).rejects.toThrow(SyntaxError);
  });

  it('drops the connection', async () => {
    await addFault({ route: 'POST /oauth/token', count: 1, drop: true });
    await expect(tokenRequest(refreshBody)).rejects.toThrow(TypeError);
    expect((await tokenRequest(refreshBody)).status).toBe(403);
  });

  it('delays a request that then succeeds', async () => {
    await addFault({ route: 'GET /.well-known/jwks.json', count: 1, delayMs: 50 });
    const response = await fetch(`${tenant.url}.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('keys');
    expect(await stats()).toMatchObject({
      faultsInjected: 1,
      endpoints: { 'GET /.well-known/jwks.json': 1 },
    });
  });

  it('applies only to the given grant type, and the request body still reaches the tenant', async () => {
    await addFault({ route: 'POST /oauth/token', count: 1, status: 500, grantType: 'authorization_code' });
    // A refresh request passes untouched (its body read and handed on)...
    const refresh = await tokenRequest(refreshBody);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    // ...and the code exchange of a login gets the fault.
    const error = await logIn(new Browser(), tenant, as).catch((caught: { cause?: Response }) => caught);
    expect((error as { cause?: Response }).cause?.status).toBe(500);
    expect(await listFaults()).toEqual([]);
  });

  it('leaves CORS preflights alone', async () => {
    await addFault({ route: 'POST /oauth/token', count: 1, status: 503 });
    const preflight = await fetch(`${tenant.url}oauth/token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5175', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect((await tokenRequest(refreshBody)).status).toBe(503);
  });

  it('refuses a fault with a missing or ill-typed field, naming it, and stores nothing', async () => {
    const missing = await addFault({ route: 'POST /oauth/token' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: 'invalid_request',
      error_description: 'count must be a positive integer',
    });
    const badBody = await addFault({ route: '/oauth/', count: 1, body: 'xml' });
    expect(await badBody.json()).toMatchObject({
      error_description: 'body must be "html" or "truncated-json"',
    });
    const badRoute = await addFault({ route: 'oauth', count: 1 });
    expect(await badRoute.json()).toMatchObject({ error_description: expect.stringMatching(/^route /) });
    expect(await listFaults()).toEqual([]);
  });

  it('are cleared by /__dev/reset and absent without dev', async () => {
    await addFault({ route: '/oauth/', count: 5, status: 500 });
    await fetch(`${tenant.url}__dev/reset`, { method: 'POST' });
    expect(await listFaults()).toEqual([]);

    const quiet = await startTenant({ port: 0, dev: false });
    try {
      expect((await fetch(`${quiet.url}__dev/faults`)).status).toBe(404);
    } finally {
      await quiet.stop();
    }
  });
});
