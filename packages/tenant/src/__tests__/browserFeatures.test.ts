import { runInNewContext } from 'node:vm';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser, formAction, hiddenInputs } from './browser.js';
import {
  authorizationUrl,
  client,
  discover,
  insecure,
  logIn,
  REDIRECT_URI,
  submitLogin,
} from './oauthClient.js';

const ALLOWED_ORIGIN = 'http://127.0.0.1:5175';
/** A callback the config adds to `sesame-spa` without adding its origin to the web origins. */
const NOT_A_WEB_ORIGIN_CALLBACK = 'http://127.0.0.1:6200/callback';

let tenant: RunningTenant;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    config: { clients: [{ client_id: 'sesame-spa', callbacks: [NOT_A_WEB_ORIGIN_CALLBACK] }] },
  });
  as = await discover(tenant);
});
afterAll(() => tenant?.stop());

async function silentAuth(browser: Browser, redirectUri = REDIRECT_URI) {
  const request = await authorizationUrl(as, { prompt: 'none', redirect_uri: redirectUri });
  return browser.follow(request.url, tenant);
}

async function loggedIn() {
  const browser = new Browser();
  await logIn(browser, tenant, as);
  return browser;
}

/**
 * Runs the script of a `web_message` page in a stand-in window opened by `opener` (a popup), and
 * says what it posted and whether it closed its window.
 */
function runWebMessagePage(html: string) {
  const script = /<script>(.*?)<\/script>/s.exec(html)![1]!;
  const posted: { message: { type: string; response: Record<string, string> }; targetOrigin: string }[] = [];
  let closed = false;
  const opener = {
    postMessage: (message: (typeof posted)[number]['message'], targetOrigin: string) =>
      posted.push({ message, targetOrigin }),
  };
  const popup: Record<string, unknown> = {
    opener,
    parent: undefined,
    close: () => {
      closed = true;
    },
    document: { scripts: [{ parentElement: { removeChild: () => undefined } }] },
  };
  popup.window = popup;
  popup.parent = popup;
  runInNewContext(script, popup);
  return { posted, closed };
}

describe('response_mode=web_message', () => {
  it('posts the authorization response to an allowed web origin', async () => {
    const browser = await loggedIn();
    const request = await authorizationUrl(as, { prompt: 'none', response_mode: 'web_message' });
    const { response } = await browser.follow(request.url, tenant);
    expect(response.status).toBe(200);
    const { posted, closed } = runWebMessagePage(await response.text());
    expect(posted).toHaveLength(1);
    const [{ message, targetOrigin }] = posted as [(typeof posted)[number]];
    expect(targetOrigin).toBe(new URL(REDIRECT_URI).origin);
    expect(message.type).toBe('authorization_response');
    expect(message.response).toMatchObject({ state: request.state, iss: tenant.url });
    expect(message.response.code).toBeTypeOf('string');
    // As Auth0: the window stays open until the client closes it (auth0-spa-js polls whether its
    // popup is closed, and a popup that closes itself may be seen closed before its message is read).
    expect(closed).toBe(false);
  });

  it('posts login_required to an allowed web origin without a session', async () => {
    const request = await authorizationUrl(as, { prompt: 'none', response_mode: 'web_message' });
    const { response } = await new Browser().follow(request.url, tenant);
    const { posted } = runWebMessagePage(await response.text());
    expect(posted.map(({ message }) => message.response.error)).toEqual(['login_required']);
  });

  it('answers a popup after the login form (the resumed authorization keeps web_message)', async () => {
    const browser = new Browser();
    const request = await authorizationUrl(as, { response_mode: 'web_message' });
    const { response: page } = await browser.follow(request.url, tenant);
    const { response } = await submitLogin(browser, tenant, await page.text());
    expect(response.status).toBe(200);
    const { posted, closed } = runWebMessagePage(await response.text());
    expect(posted).toHaveLength(1);
    expect(posted[0]!.message.type).toBe('authorization_response');
    expect(posted[0]!.message.response).toMatchObject({ state: request.state, code: expect.any(String) });
    expect(closed).toBe(false);
  });

  it('refuses a callback whose origin is not an allowed web origin, posting nothing', async () => {
    const browser = await loggedIn();
    const request = await authorizationUrl(as, {
      prompt: 'none',
      response_mode: 'web_message',
      redirect_uri: NOT_A_WEB_ORIGIN_CALLBACK,
    });
    const { response } = await browser.follow(request.url, tenant);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('is not in the Allowed Web Origins');
    expect(html).not.toContain('postMessage');
  });
});

describe('CORS', () => {
  const tokenRequest = (origin: string) =>
    fetch(as.token_endpoint!, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'sesame-spa',
        refresh_token: 'nope',
      }),
    });

  it('answers an allowed web origin at the token endpoint', async () => {
    const response = await tokenRequest(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('does not answer another origin', async () => {
    const response = await tokenRequest('http://evil.test');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an allowed web origin at /userinfo and /oauth/revoke', async () => {
    const tokens = await logIn(new Browser(), tenant, as);
    const userinfo = await fetch(as.userinfo_endpoint!, {
      headers: { origin: ALLOWED_ORIGIN, authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(userinfo.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const other = await fetch(as.userinfo_endpoint!, {
      headers: { origin: 'http://evil.test', authorization: `Bearer ${tokens.access_token}` },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const revoke = await fetch(as.revocation_endpoint!, {
      method: 'POST',
      headers: { origin: ALLOWED_ORIGIN },
      body: new URLSearchParams({ client_id: 'sesame-spa', token: tokens.access_token }),
    });
    expect(revoke.status).toBe(200);
    expect(revoke.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });
});

describe('/v2/logout', () => {
  it('clears the session and redirects to an allowed returnTo', async () => {
    const browser = await loggedIn();
    const returnTo = 'http://127.0.0.1:5175/';
    const response = await browser.fetch(
      `${tenant.url}v2/logout?${new URLSearchParams({ client_id: 'sesame-spa', returnTo, federated: '' })}`,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(returnTo);
    expect(browser.hasSession(tenant)).toBe(false);
    const { url } = await silentAuth(browser);
    expect(url.searchParams.get('error')).toBe('login_required');
  });

  it('answers 400 to a returnTo that is not an allowed logout URL, and keeps the session', async () => {
    const browser = await loggedIn();
    const response = await browser.fetch(
      `${tenant.url}v2/logout?${new URLSearchParams({ client_id: 'sesame-spa', returnTo: 'http://evil.test/' })}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Allowed Logout URLs');
    const { url } = await silentAuth(browser);
    expect(url.searchParams.get('code')).toBeTypeOf('string');
  });

  it('without returnTo redirects to the first allowed logout URL of the application', async () => {
    const browser = await loggedIn();
    const response = await browser.fetch(`${tenant.url}v2/logout?client_id=sesame-spa`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.1:5173/');
    expect(browser.hasSession(tenant)).toBe(false);
  });

  it('answers 400 to a returnTo without client_id (no tenant-level logout URLs configured)', async () => {
    const response = await fetch(
      `${tenant.url}v2/logout?returnTo=${encodeURIComponent('http://127.0.0.1:5175/')}`,
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(400);
  });
});

describe('/oidc/logout', () => {
  it('ends the session and redirects to post_logout_redirect_uri with state', async () => {
    const browser = new Browser();
    const tokens = await logIn(browser, tenant, as);
    const logoutUrl = new URL(as.end_session_endpoint!);
    logoutUrl.search = new URLSearchParams({
      client_id: 'sesame-spa',
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'http://127.0.0.1:5175/',
      state: 'bye',
    }).toString();
    const page = await browser.fetch(logoutUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    const fields = hiddenInputs(html);
    expect(fields.logout).toBe('yes');
    const { response, url } = await browser.follow(formAction(html, tenant.url), tenant, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
    expect(response.status).toBe(303);
    expect(url.href).toBe('http://127.0.0.1:5175/?state=bye');
    const { url: silent } = await silentAuth(browser);
    expect(silent.searchParams.get('error')).toBe('login_required');
  });

  it('refuses a post_logout_redirect_uri that is not an allowed logout URL', async () => {
    const response = await fetch(
      `${as.end_session_endpoint}?${new URLSearchParams({ client_id: 'sesame-spa', post_logout_redirect_uri: 'http://evil.test/' })}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('post_logout_redirect_uri not registered');
  });
});

describe('token requests from oauth4webapi', () => {
  it('exchange a refresh token with the Origin of an allowed web origin', async () => {
    const tokens = await logIn(new Browser(), tenant, as, { scope: 'openid offline_access' });
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
      ...insecure,
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await oauth.processRefreshTokenResponse(as, client, response)).access_token).toBeTypeOf('string');
  });
});
