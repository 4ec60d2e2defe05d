import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import type { AuthStorage } from '../types.js';
import { type FakeServer, type fakeClock, signIn, testBed } from './helpers/fakeServer.js';

let server: FakeServer;
let storage: AuthStorage;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  ({ clock, server, storage } = await testBed());
});

describe('subscribe / getSnapshot', () => {
  it('returns the same snapshot until the state changes, and notifies on each change', async () => {
    const client = createAuthClient(server.options({ storage }));
    const seen: string[] = [];
    const stop = client.subscribe(() => seen.push(client.getSnapshot().status));
    const loading = client.getSnapshot();
    expect(client.getSnapshot()).toBe(loading);
    await vi.waitFor(() => expect(seen).toEqual(['unauthenticated']));
    const before = client.getSnapshot();
    await client.getTokenSilently({ cacheMode: 'cache-only' }).catch(() => undefined);
    expect(client.getSnapshot()).toBe(before);
    await signIn(client, server);
    expect(seen).toEqual(['unauthenticated', 'authenticated']);
    expect(Object.isFrozen(client.getSnapshot())).toBe(true);
    stop();
    await client.logout({ openUrl: false });
    expect(seen).toHaveLength(2);
  });

  it('brings a login and a token update in one tab to another tab without a reload', async () => {
    const tabA = createAuthClient(server.options({ storage }));
    const tabB = createAuthClient(server.options({ storage }));
    const stop = tabB.subscribe(() => undefined);
    await signIn(tabA, server);
    await vi.waitFor(() =>
      expect(tabB.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } }),
    );
    clock.advance(3600);
    const refreshed = await tabA.getTokenSilently();
    expect(await tabB.getTokenSilently()).toBe(refreshed);
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
    stop();
  });

  it('listens to other tabs only while it has subscribers', async () => {
    const tabA = createAuthClient(server.options({ storage }));
    const tabB = createAuthClient(server.options({ storage }));
    const stop = tabB.subscribe(() => undefined);
    await vi.waitFor(() => expect(tabB.getSnapshot().status).toBe('unauthenticated'));
    stop();
    // A third tab that listens shows when the message has gone round.
    const tabC = createAuthClient(server.options({ storage }));
    const stopC = tabC.subscribe(() => undefined);
    await vi.waitFor(() => expect(tabC.getSnapshot().status).toBe('unauthenticated'));
    await signIn(tabA, server);
    await vi.waitFor(() => expect(tabC.getSnapshot().status).toBe('authenticated'));
    expect(tabB.getSnapshot().status).toBe('unauthenticated');
    stopC();
    // The store is shared all the same: reading it gives the new session.
    expect(await tabB.isAuthenticated()).toBe(true);
  });

  it('a tab that holds a session in memory hears another tab log out, with no subscriber', async () => {
    const tabA = createAuthClient(server.options({ storage }));
    const tabB = createAuthClient(server.options({ storage }));
    await signIn(tabA, server);
    expect(await tabB.getTokenSilently()).toBeTruthy(); // now in the memory of tab B
    await tabA.logout({ openUrl: false });
    // the logout message arrives a moment later; until then the token in memory is still valid
    const cached = () =>
      tabB.getTokenSilently({ cacheMode: 'cache-only' }).catch((e: { code: string }) => e.code);
    await vi.waitFor(async () => expect(await cached()).toBe('login_required'));
    expect(await tabB.isAuthenticated()).toBe(false);
  });

  it('throws a TypeError for a listener that is not a function', () => {
    const client = createAuthClient(server.options({ storage }));
    expect(() => client.subscribe('x' as unknown as () => void)).toThrow(TypeError);
  });
});
