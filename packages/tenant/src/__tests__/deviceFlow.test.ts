import * as jose from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, DEMO_DEVICE_CLIENT_ID, DEMO_USER_EMAIL } from '../config/defaultConfig.js';
import type { TenantStats } from '../dev/stats.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import { approve as approveOn, postForm as postFormTo } from './deviceApproval.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

interface DeviceCodeResponse {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
});
afterAll(() => tenant?.stop());
beforeEach(async () => {
  await fetch(`${tenant.url}__dev/reset`, { method: 'POST' });
});

async function deviceCode(body: Record<string, string> = {}, on = tenant): Promise<DeviceCodeResponse> {
  const response = await fetch(`${on.url}oauth/device/code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: DEMO_DEVICE_CLIENT_ID, scope: 'openid profile email', ...body }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as DeviceCodeResponse;
}

const poll = (code: string, on = tenant) =>
  fetch(`${on.url}oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: DEVICE_GRANT,
      client_id: DEMO_DEVICE_CLIENT_ID,
      device_code: code,
    }),
  });

const postForm = (browser: Browser, page: string, extra: Record<string, string> = {}) =>
  postFormTo(browser, tenant, page, extra);
const approve = (browser: Browser, code: DeviceCodeResponse) => approveOn(browser, tenant, code);

describe('device authorization', () => {
  it('answers Auth0 fields, with /activate as verification URI and the interval', async () => {
    const code = await deviceCode();
    expect(code).toMatchObject({
      device_code: expect.any(String),
      user_code: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/),
      verification_uri: `${tenant.url}activate`,
      verification_uri_complete: `${tenant.url}activate?user_code=${encodeURIComponent(code.user_code)}`,
      expires_in: 900,
      interval: 5,
    });
  });

  it('accepts a form body as well', async () => {
    const response = await fetch(`${tenant.url}oauth/device/code`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: DEMO_DEVICE_CLIENT_ID, scope: 'openid' }),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a request without client_id, naming it', async () => {
    const response = await fetch(`${tenant.url}oauth/device/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'openid' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('client_id'),
    });
  });

  it('refuses an ill-typed field or a body that is not JSON, naming the problem', async () => {
    const post = (body: string) =>
      fetch(`${tenant.url}oauth/device/code`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const typed = await post(JSON.stringify({ client_id: DEMO_DEVICE_CLIENT_ID, scope: ['openid'] }));
    expect(typed.status).toBe(400);
    expect(await typed.json()).toEqual({
      error: 'invalid_request',
      error_description: 'scope must be a string',
    });
    const broken = await post('{"client_id":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The request body is not valid JSON',
    });
  });

  it('refuses an application without the device_code grant (the SPA)', async () => {
    const response = await fetch(`${tenant.url}oauth/device/code`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'sesame-spa', scope: 'openid' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('is pending, then slow_down when polled too fast, then issues tokens after the user confirms', async () => {
    const code = await deviceCode({
      scope: 'openid profile email offline_access read:messages',
      audience: DEMO_AUDIENCE,
    });
    const pending = await poll(code.device_code);
    expect(pending.status).toBe(403);
    expect(await pending.json()).toEqual({
      error: 'authorization_pending',
      error_description: 'User has yet to authorize device code.',
    });
    const tooFast = await poll(code.device_code);
    expect(tooFast.status).toBe(429);
    expect(await tooFast.json()).toMatchObject({ error: 'slow_down' });

    const done = await approve(new Browser(), code);
    expect(done).toContain("you're all set");

    const tokens = await poll(code.device_code);
    expect(tokens.status).toBe(200);
    const body = (await tokens.json()) as Record<string, string>;
    expect(body).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) });
    expect(jose.decodeJwt(body.id_token!)).toMatchObject({
      aud: DEMO_DEVICE_CLIENT_ID,
      email: DEMO_USER_EMAIL,
    });
    expect(jose.decodeJwt(body.access_token!)).toMatchObject({
      aud: [DEMO_AUDIENCE, `${tenant.url}userinfo`],
      scope: 'openid profile email offline_access read:messages',
    });

    // The code is single-use.
    expect(await (await poll(code.device_code)).json()).toMatchObject({ error: 'invalid_grant' });
    const counted = (await (await fetch(`${tenant.url}__dev/stats`)).json()) as TenantStats;
    expect(counted.grantTypes).toEqual({ [DEVICE_GRANT]: 4 });
    expect(counted.endpoints).toMatchObject({
      'POST /oauth/device/code': 1,
      'GET /activate': 1,
      'POST /activate': 2,
      'GET /activate/:uid': 2,
    });
  });

  it('answers access_denied when the user denies', async () => {
    const code = await deviceCode();
    const browser = new Browser();
    const { response: entry } = await browser.follow(code.verification_uri_complete, tenant);
    const { response: confirm } = await postForm(browser, await entry.text());
    const { response: denied } = await postForm(browser, await confirm.text(), { abort: 'yes' });
    expect(await denied.text()).toContain('You denied access to the device.');
    const response = await poll(code.device_code);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'access_denied' });
  });

  it('shows an error for a wrong user code on /activate', async () => {
    const browser = new Browser();
    const { response: entry } = await browser.follow(`${tenant.url}activate`, tenant);
    const page = await entry.text();
    expect(page).toContain('Enter the code displayed on your device');
    const { response } = await postForm(browser, page, { user_code: 'BCDF-GHJK' });
    expect(await response.text()).toContain('The code you entered is invalid');
  });

  it('answers expired_token once the code has expired', async () => {
    const short = await startTenant({ port: 0, config: { device_flow: { expires_in: 1, interval: 1 } } });
    try {
      const code = await deviceCode({}, short);
      expect(code).toMatchObject({ expires_in: 1, interval: 1 });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const response = await poll(code.device_code, short);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'expired_token' });
    } finally {
      await short.stop();
    }
  });
});
