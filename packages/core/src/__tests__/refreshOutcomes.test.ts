import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { inTabMutex } from '../lock/inTabMutex.js';
import type { AuthClient, AuthClientOptions, AuthStorage } from '../types.js';
import {
  answer,
  DEFAULT_TOKEN_KEY,
  type FakeServer,
  type fakeClock,
  hang,
  nextIframe,
  postResponse,
  type RecordedRequest,
  storedRefreshToken as refreshTokenIn,
  signedInClient,
  signIn,
  testBed,
} from './helpers/fakeServer.js';

// The refresh-token rules of DESIGN.md property 5: which answers spend a token, the write-ahead
// record, the back-off shared by the tabs, and the end of a session whose grant is dead.

const KEY = DEFAULT_TOKEN_KEY;
let server: FakeServer;
let clock: ReturnType<typeof fakeClock>;
let storage: AuthStorage;

const signedIn = (extra: Partial<AuthClientOptions> = {}) => signedInClient(server, { storage, ...extra });

const storedRefreshToken = () => refreshTokenIn(storage);
/** The refresh tokens presented to the server, in order. */
const presented = () => server.tokenRequests('refresh_token').map((r) => r.body.get('refresh_token'));
/** The server rotates the token, then the answer is lost (a reset after the server processed it). */
const lostAnswer = async (request: RecordedRequest) => {
  await server.token(request);
  throw new TypeError('Failed to fetch');
};
/** Answers the iframe that is about to appear with `login_required`, as it does cross-site. */
async function iframeSaysLoginRequired() {
  const iframe = await nextIframe();
  const state = new URL(iframe.src).searchParams.get('state')!;
  postResponse(iframe.contentWindow, server.origin, { state, error: 'login_required' });
}
/** Answers the iframe that is about to appear with a code (same-site, session at the server). */
async function iframeSignsIn() {
  const iframe = await nextIframe();
  postResponse(iframe.contentWindow, server.origin, server.authorize(iframe.src));
}
async function expectSessionEnded(client: AuthClient) {
  expect(client.getSnapshot()).toMatchObject({ status: 'unauthenticated', user: undefined });
  expect(client.getSnapshot().error?.code).toBe('login_required');
  expect(await client.isAuthenticated()).toBe(false);
  expect(await client.getUser()).toBeUndefined();
  expect(await client.getIdTokenClaims()).toBeUndefined();
  expect(await storage.get(KEY)).toBeUndefined();
}

beforeEach(async () => {
  ({ clock, server, storage } = await testBed());
});

describe('refresh tokens kept after a failure without tokens', () => {
  it.each([
    ['server_error', answer(500)],
    ['server_error', answer(502)],
    ['server_error', answer(503)],
    ['network_error', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('after %s the same refresh token is sent again and the session goes on', async (code, handler) => {
    const client = await signedIn({ silentAuth: false });
    const refreshToken = await storedRefreshToken();
    clock.advance(3600);
    server.next.push(handler);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code });
    clock.advance(1); // the first back-off
    expect(await client.getTokenSilently()).toMatch(/^at-/);
    expect(presented()).toEqual([refreshToken, refreshToken]);
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('after a timeout, the same refresh token is sent again when no iframe is possible', async () => {
    const client = await signedIn({ silentAuth: false, httpTimeoutInSeconds: 0.5 });
    const refreshToken = await storedRefreshToken();
    clock.advance(3600);
    server.next.push(hang);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'timeout' });
    clock.advance(1);
    expect(await client.getTokenSilently()).toMatch(/^at-/);
    expect(presented()).toEqual([refreshToken, refreshToken]);
  });

  it('offline sends nothing and keeps the token; back online, the refresh works', async () => {
    const client = await signedIn({ silentAuth: false });
    clock.advance(3600);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'network_error' });
    expect(presented()).toEqual([]);
    online.mockRestore();
    expect(await client.getTokenSilently()).toMatch(/^at-/);
  });
});

describe('back-off shared by the tabs', () => {
  it('honours Retry-After: no request before it ends, in any tab', async () => {
    const lock = inTabMutex();
    const tabA = await signedIn({ silentAuth: false, lock });
    const tabB = createAuthClient(server.options({ storage, lock, silentAuth: false }));
    clock.advance(3600);
    server.next.push(() => new Response('{}', { status: 429, headers: { 'retry-after': '30' } }));
    await expect(tabA.getTokenSilently()).rejects.toMatchObject({ code: 'rate_limited' });
    clock.advance(29);
    await expect(tabA.getTokenSilently()).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(tabB.getTokenSilently()).rejects.toMatchObject({ code: 'rate_limited' });
    expect(presented()).toHaveLength(1);
    clock.advance(1);
    expect(await tabB.getTokenSilently()).toMatch(/^at-/);
    expect(presented()).toHaveLength(2);
  });

  it('a failure in one tab holds the other tabs back: never a burst', async () => {
    const lock = inTabMutex();
    const tabs = [await signedIn({ silentAuth: false, lock })];
    for (let i = 0; i < 4; i++)
      tabs.push(createAuthClient(server.options({ storage, lock, silentAuth: false })));
    clock.advance(3600);
    server.next.push(answer(503));
    const results = await Promise.allSettled(tabs.map((tab) => tab.getTokenSilently()));
    const codes = results.map((r) =>
      r.status === 'rejected' ? (r.reason as { code: string }).code : r.status,
    );
    expect(codes).toEqual(Array(5).fill('server_error'));
    expect(presented()).toHaveLength(1);
  });

  it('grows after consecutive failures and resets after a success', async () => {
    const client = await signedIn({ silentAuth: false });
    clock.advance(3600);
    server.next.push(answer(503), answer(503));
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'server_error' });
    clock.advance(1);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'server_error' });
    clock.advance(1);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'server_error' }); // 2 s now
    expect(presented()).toHaveLength(2);
    clock.advance(1);
    expect(await client.getTokenSilently()).toMatch(/^at-/);
    expect(await storage.get(KEY)).not.toHaveProperty('retry');
  });
});

describe('the answer lost after the server rotated the token', () => {
  it('prefers the iframe: the token in doubt is not presented again', async () => {
    const client = await signedIn();
    clock.advance(3600);
    server.next.push(lostAnswer);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'network_error' });
    clock.advance(1);
    const pending = client.getTokenSilently();
    await iframeSignsIn();
    expect(await pending).toMatch(/^at-/);
    expect(presented()).toHaveLength(1);
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('cross-site (the iframe fails), presents it once more: a server with a reuse interval keeps the session', async () => {
    server.reuseInterval = true;
    const client = await signedIn();
    const refreshToken = await storedRefreshToken();
    clock.advance(3600);
    server.next.push(lostAnswer);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'network_error' });
    clock.advance(1);
    const pending = client.getTokenSilently();
    await iframeSaysLoginRequired();
    expect(await pending).toMatch(/^at-/);
    expect(presented()).toEqual([refreshToken, refreshToken]);
    expect(client.getSnapshot().status).toBe('authenticated');
  });

  it('a server without one answers invalid_grant: the session ends, truthfully', async () => {
    const client = await signedIn({ silentAuth: false });
    clock.advance(3600);
    server.next.push(lostAnswer);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'network_error' });
    clock.advance(1);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'login_required' });
    expect(presented()).toHaveLength(2);
    await expectSessionEnded(client);
  });
});

describe('a 200 answer the client rejects spends the token', () => {
  const ok = (body: string) => () => new Response(body, { headers: { 'content-type': 'application/json' } });
  it.each([
    ['HTML', () => new Response('<html>hello</html>', { headers: { 'content-type': 'text/html' } })],
    ['not JSON', ok('not json')],
    ['cut off mid-body', ok('{"access_token":"at-x","token_type":"Bearer","expi')],
  ])('%s: never presented again; without a silent path the session ends', async (_, handler) => {
    const client = await signedIn({ silentAuth: false });
    clock.advance(3600);
    server.next.push(handler);
    await expect(client.getTokenSilently()).rejects.toMatchObject({ code: 'login_required' });
    await expect(client.getTokenSilently()).rejects.toBeInstanceOf(Error);
    expect(presented()).toHaveLength(1);
    await expectSessionEnded(client);
  });

  it('an ID token for another user: the iframe renews the session without presenting the token', async () => {
    const client = await signedIn();
    clock.advance(3600);
    server.next.push(async (request) => {
      server.claims = { sub: 'intruder' };
      const response = await server.token(request);
      server.claims = {};
      return response;
    });
    const pending = client.getTokenSilently();
    await iframeSignsIn();
    expect(await pending).toMatch(/^at-/);
    expect((await client.getUser())?.sub).toBe('user-1');
    expect(presented()).toHaveLength(1);
  });
});

describe('the write-ahead record', () => {
  it('a tab that died mid-refresh: another tab prefers the iframe', async () => {
    const tabA = await signedIn({ lock: inTabMutex() });
    clock.advance(3600);
    server.next.push(hang); // tab A's request never ends: it is closed while waiting
    void tabA.getTokenSilently().catch(() => undefined);
    await vi.waitFor(() => expect(presented()).toHaveLength(1));
    // The browser released tab A's lock when it closed: tab B gets the lock at once.
    const tabB = createAuthClient(server.options({ storage, lock: inTabMutex() }));
    const pending = tabB.getTokenSilently();
    await iframeSignsIn();
    expect(await pending).toMatch(/^at-/);
    expect(presented()).toHaveLength(1);
  });

  it('cross-site, it presents the token once more, and the other tabs use the answer', async () => {
    server.reuseInterval = true;
    const tabA = await signedIn({ silentAuth: false, lock: inTabMutex() });
    clock.advance(3600);
    server.next.push(async (request, signal) => {
      await server.token(request); // processed; the answer dies with the tab
      return hang(request, signal);
    });
    void tabA.getTokenSilently().catch(() => undefined);
    await vi.waitFor(() => expect(presented()).toHaveLength(1));
    const lock = inTabMutex();
    const others = [0, 1, 2].map(() =>
      createAuthClient(server.options({ storage, lock, silentAuth: false })),
    );
    const tokens = await Promise.all(others.map((tab) => tab.getTokenSilently()));
    expect(new Set(tokens).size).toBe(1);
    expect(presented()).toHaveLength(2);
  });

  it('one failed write of the rotated token does not end the session in the other tabs', async () => {
    const lock = inTabMutex();
    let failures = 1;
    const flaky: AuthStorage = {
      ...storage,
      set: (key, value) => {
        const rotated = (value as { refreshToken?: string; unanswered?: number }).unanswered === undefined;
        if (key === KEY && rotated && presented().length > 0 && failures-- > 0) {
          return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
        }
        return storage.set(key, value);
      },
    };
    const tabA = createAuthClient(server.options({ storage: flaky, lock, silentAuth: false }));
    await signIn(tabA, server);
    const tabB = createAuthClient(server.options({ storage, lock, silentAuth: false }));
    clock.advance(3600);
    const token = await tabA.getTokenSilently();
    expect(await tabB.getTokenSilently()).toBe(token);
    expect(presented()).toHaveLength(1);
  });

  it('a rotated token that cannot be stored at all is never presented by another tab', async () => {
    const lock = inTabMutex();
    const full: AuthStorage = {
      ...storage,
      set: (key, value) =>
        key === KEY && presented().length > 0 && !(value as { unanswered?: number }).unanswered
          ? Promise.reject(new DOMException('quota', 'QuotaExceededError'))
          : storage.set(key, value),
    };
    const tabA = createAuthClient(server.options({ storage: full, lock, silentAuth: false }));
    await signIn(tabA, server);
    const tabB = createAuthClient(server.options({ storage, lock, silentAuth: false }));
    clock.advance(3600);
    await expect(tabA.getTokenSilently()).rejects.toBeInstanceOf(Error);
    await expect(tabB.getTokenSilently()).rejects.toBeInstanceOf(Error);
    expect(presented()).toHaveLength(1);
  });
});

describe('a dead grant ends the session everywhere', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('invalid_grant and no silent path: unauthenticated with login_required, in every tab', async () => {
    const tabA = await signedIn({ silentAuth: false });
    const tabB = createAuthClient(server.options({ storage, silentAuth: false }));
    const stop = tabB.subscribe(() => undefined);
    await vi.waitFor(() => expect(tabB.getSnapshot().status).toBe('authenticated'));
    clock.advance(3600);
    server.next.push(answer(400, { error: 'invalid_grant' }));
    await expect(tabA.getTokenSilently()).rejects.toMatchObject({ code: 'login_required' });
    await expectSessionEnded(tabA);
    await vi.waitFor(() => expect(tabB.getSnapshot().status).toBe('unauthenticated'));
    expect(await tabB.isAuthenticated()).toBe(false);
    stop();
  });

  it('invalid_grant and the iframe says login_required: the session ends', async () => {
    const client = await signedIn();
    clock.advance(3600);
    server.next.push(answer(400, { error: 'invalid_grant' }));
    const pending = client.getTokenSilently();
    await iframeSaysLoginRequired();
    await expect(pending).rejects.toMatchObject({ code: 'login_required' });
    await expectSessionEnded(client);
  });
});
