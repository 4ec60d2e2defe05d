import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import type { AuthStorage } from '../types.js';
import { b64u, createFakeServer, type FakeServer, testBed, urlCatcher } from './helpers/fakeServer.js';

let server: FakeServer;
let storage: AuthStorage;
let clock: Awaited<ReturnType<typeof testBed>>['clock'];

beforeEach(async () => {
  ({ server, storage, clock } = await testBed());
});

const discoveries = (of = server) =>
  of.requests.filter((r) => r.path === '/.well-known/openid-configuration');

describe('loginWithRedirect', () => {
  it('opens an authorize URL with PKCE S256, state, nonce, the default scope and the call parameters', async () => {
    let counter = 0;
    const random = () => `random-value-${++counter}-padded-to-be-long-enough-for-pkce`;
    const client = createAuthClient(
      server.options({
        storage,
        random,
        authorizationParams: { audience: 'https://api.example', ui_locales: 'fr' },
      }),
    );
    const browser = urlCatcher();
    await client.loginWithRedirect({
      openUrl: browser.open,
      authorizationParams: {
        redirect_uri: 'https://app.example/callback',
        screen_hint: 'signup',
        max_age: 300,
      },
    });
    const url = new URL(browser.url);
    expect(url.origin + url.pathname).toBe('https://tenant.example/authorize');
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: 'client-1',
      response_type: 'code',
      redirect_uri: 'https://app.example/callback',
      scope: 'openid profile email offline_access',
      audience: 'https://api.example',
      ui_locales: 'fr',
      screen_hint: 'signup',
      max_age: '300',
      state: expect.stringMatching(/^random-value-1/),
      nonce: expect.stringMatching(/^random-value-2/),
      code_challenge_method: 'S256',
    });
    // BASE64URL(SHA256(code_verifier)) of the verifier the injected random made (RFC 7636 §4.2).
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode('random-value-3-padded-to-be-long-enough-for-pkce'),
    );
    expect(params.code_challenge).toBe(b64u(new Uint8Array(digest)));
    expect(params).not.toHaveProperty('response_mode');
    // The transaction is stored under its state, with what the callback needs.
    expect(await storage.get(`tx:${params.state}`)).toMatchObject({
      nonce: params.nonce,
      redirectUri: 'https://app.example/callback',
      audience: 'https://api.example',
      issuer: 'https://tenant.example/',
      maxAge: 300,
    });
  });

  it('leaves out offline_access when refresh tokens are off', async () => {
    const client = createAuthClient(server.options({ storage, useRefreshTokens: false }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open, authorizationParams: { scope: 'read:things' } });
    expect(new URL(browser.url).searchParams.get('scope')).toBe('openid profile email read:things');
  });

  it('uses discovery once in OIDC mode', async () => {
    const client = createAuthClient(server.options({ storage, domain: undefined, issuer: server.issuer }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    await client.loginWithRedirect({ openUrl: browser.open });
    expect(browser.url.startsWith('https://tenant.example/auth?')).toBe(true);
    expect(server.requests.filter((r) => r.path === '/.well-known/openid-configuration')).toHaveLength(1);
    await client.handleRedirectCallback(server.callbackUrl(browser.url));
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('in OIDC mode, the callback page uses the document the login page stored: one discovery per login', async () => {
    const oidc = { storage, domain: undefined, issuer: server.issuer };
    const browser = urlCatcher();
    await createAuthClient(server.options(oidc)).loginWithRedirect({ openUrl: browser.open });
    // The page the login comes back to: a new client on the same storage.
    const callbackPage = createAuthClient(server.options(oidc));
    await callbackPage.handleRedirectCallback(server.callbackUrl(browser.url));
    expect(callbackPage.getSnapshot().status).toBe('authenticated');
    expect(discoveries()).toHaveLength(1);
  });

  it('in OIDC mode, a page after the stored document went stale (an hour by default) fetches it again', async () => {
    const oidc = { storage, domain: undefined, issuer: server.issuer };
    await createAuthClient(server.options(oidc)).loginWithRedirect({ openUrl: urlCatcher().open });
    clock.advance(3599);
    await createAuthClient(server.options(oidc)).loginWithRedirect({ openUrl: urlCatcher().open });
    expect(discoveries()).toHaveLength(1);
    clock.advance(1);
    const browser = urlCatcher();
    await createAuthClient(server.options(oidc)).loginWithRedirect({ openUrl: browser.open });
    expect(discoveries()).toHaveLength(2);
    expect(browser.url.startsWith('https://tenant.example/auth?')).toBe(true);
  });

  it('in OIDC mode, a client configured with another issuer does not use the stored document', async () => {
    const other = await createFakeServer({ now: clock.now, origin: 'https://other.example' });
    await createAuthClient(
      server.options({ storage, domain: undefined, issuer: server.issuer }),
    ).loginWithRedirect({
      openUrl: urlCatcher().open,
    });
    const client = createAuthClient(other.options({ storage, domain: undefined, issuer: other.issuer }));
    await client.loginWithRedirect({ openUrl: urlCatcher().open });
    expect(discoveries()).toHaveLength(1);
    expect(discoveries(other)).toHaveLength(1);
  });

  it('accepts an OIDC issuer without a trailing slash, as its discovery document spells it', async () => {
    const oidc = await createFakeServer({ now: Date.now, issuer: 'https://tenant.example' });
    const client = createAuthClient(oidc.options({ domain: undefined, issuer: 'https://tenant.example' }));
    const browser = urlCatcher();
    await client.loginWithRedirect({ openUrl: browser.open });
    await client.handleRedirectCallback(oidc.callbackUrl(browser.url));
    expect((await client.getIdTokenClaims())?.iss).toBe('https://tenant.example');
  });

  it('refuses a discovery document for another issuer, and asks again on the next call', async () => {
    const other = await createFakeServer({ now: Date.now, issuer: 'https://elsewhere.example/' });
    const client = createAuthClient(other.options({ domain: undefined, issuer: 'https://tenant.example/' }));
    const browser = urlCatcher();
    await expect(client.loginWithRedirect({ openUrl: browser.open })).rejects.toMatchObject({
      name: 'AuthError',
      code: 'invalid_response',
    });
    await expect(client.loginWithRedirect({ openUrl: browser.open })).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect(browser.url).toBe('');
    expect(other.requests.filter((r) => r.path === '/.well-known/openid-configuration')).toHaveLength(2);
  });

  it('throws a TypeError naming a bad openUrl', async () => {
    const client = createAuthClient(server.options({ storage }));
    await expect(client.loginWithRedirect({ openUrl: 'x' as unknown as () => void })).rejects.toThrow(
      /options\.openUrl/,
    );
  });
});
