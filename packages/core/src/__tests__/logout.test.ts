import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import type { AuthStorage } from '../types.js';
import { type FakeServer, type fakeClock, signIn, testBed, urlCatcher } from './helpers/fakeServer.js';

let server: FakeServer;
let storage: AuthStorage;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  ({ server, storage, clock } = await testBed());
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('logout', () => {
  it('removes every token, the user and every transaction, then opens /v2/logout', async () => {
    const client = createAuthClient(server.options({ storage }));
    await signIn(client, server);
    const pending = urlCatcher();
    await client.loginWithRedirect({ openUrl: pending.open }); // a transaction not yet completed
    const state = new URL(pending.url).searchParams.get('state');
    expect(await storage.get(`tx:${state}`)).toBeDefined();
    const browser = urlCatcher();
    await client.logout({
      openUrl: browser.open,
      logoutParams: { returnTo: 'https://app.example/', federated: true },
    });
    const url = new URL(browser.url);
    expect(url.origin + url.pathname).toBe('https://tenant.example/v2/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      returnTo: 'https://app.example/',
      federated: '',
    });
    expect(client.getSnapshot()).toMatchObject({ status: 'unauthenticated', user: undefined });
    expect(await client.isAuthenticated()).toBe(false);
    await expect(client.getTokenSilently({ cacheMode: 'cache-only' })).rejects.toMatchObject({
      code: 'login_required',
    });
    expect(await storage.get('session')).toBeUndefined();
    expect(await storage.get(`tx:${state}`)).toBeUndefined();
  });

  it('uses end_session_endpoint with client_id in OIDC mode, never putting the ID token in the URL', async () => {
    const client = createAuthClient(server.options({ storage, domain: undefined, issuer: server.issuer }));
    await signIn(client, server);
    const idToken = (await client.getIdTokenClaims())?.__raw as string;
    const browser = urlCatcher();
    await client.logout({ openUrl: browser.open, logoutParams: { returnTo: 'https://app.example/' } });
    const url = new URL(browser.url);
    expect(url.origin + url.pathname).toBe('https://tenant.example/session/end');
    expect(url.searchParams.get('client_id')).toBeTruthy();
    expect(browser.url).not.toContain(idToken);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('https://app.example/');
  });

  it('with openUrl: false clears the local session only', async () => {
    const assign = vi.spyOn(location, 'assign').mockImplementation(() => undefined);
    const client = createAuthClient(server.options({ storage }));
    await signIn(client, server);
    await client.logout({ openUrl: false });
    expect(assign).not.toHaveBeenCalled();
    expect(await client.getUser()).toBeUndefined();
  });

  it('leaves the page with the snapshot as it was: a route guard must not start a login over the logout navigation', async () => {
    const assign = vi.spyOn(location, 'assign').mockImplementation(() => undefined);
    const client = createAuthClient(server.options({ storage }));
    await signIn(client, server);
    const seen: string[] = [];
    const stop = client.subscribe(() => seen.push(client.getSnapshot().status));
    await client.logout();
    stop();
    expect(assign).toHaveBeenCalledWith(expect.stringContaining('https://tenant.example/v2/logout?'));
    expect(seen).toEqual([]); // no `unauthenticated` for a guard to react to before the page unloads
    expect(await client.isAuthenticated()).toBe(false);
    expect(await storage.get('session')).toBeUndefined();
  });

  it('wins over a refresh that was on its way: no token is stored after logout', async () => {
    const client = createAuthClient(server.options({ storage }));
    await signIn(client, server);
    clock.advance(3600);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.next.push(async (request) => {
      await gate;
      return server.token(request);
    });
    const refreshing = client.getTokenSilently();
    await vi.waitFor(() => expect(server.tokenRequests('refresh_token')).toHaveLength(1));
    await client.logout({ openUrl: false });
    release();
    await expect(refreshing).rejects.toMatchObject({ code: 'login_required' });
    expect(await storage.get('session')).toBeUndefined();
    expect(await storage.get('token:|email offline_access openid profile')).toBeUndefined();
    expect(client.getSnapshot().status).toBe('unauthenticated');
  });

  it('logs out every other tab, even one that keeps its session in memory', async () => {
    const tabA = createAuthClient(server.options({ storage }));
    const tabB = createAuthClient(server.options()); // memory storage of its own
    await signIn(tabB, server);
    const stop = tabB.subscribe(() => undefined);
    await signIn(tabA, server);
    await tabA.logout({ openUrl: false });
    await vi.waitFor(() => expect(tabB.getSnapshot().status).toBe('unauthenticated'));
    expect(await tabB.getUser()).toBeUndefined();
    await expect(tabB.getTokenSilently({ cacheMode: 'cache-only' })).rejects.toMatchObject({
      code: 'login_required',
    });
    stop();
  });
});

describe("logout and the server's public documents", () => {
  it.each([
    ['Auth0 mode', {}],
    ['OIDC mode', { domain: undefined, issuer: 'https://tenant.example/' }],
  ])(
    'keeps the JWKS and the discovery document (%s): the next page logs in without downloading them',
    async (_mode, mode) => {
      const downloads = () =>
        server.requests.filter((r) => r.path.startsWith('/.well-known/')).map((r) => r.path);
      const first = createAuthClient(server.options({ storage, ...mode }));
      await signIn(first, server);
      const before = downloads();
      await first.logout({ openUrl: false });
      expect(await storage.get('session')).toBeUndefined();
      const next = createAuthClient(server.options({ storage, ...mode }));
      await signIn(next, server);
      expect(await next.isAuthenticated()).toBe(true);
      expect(downloads()).toEqual(before);
    },
  );
});
