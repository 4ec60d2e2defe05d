import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, h } from 'vue';
import { createMemoryHistory, createRouter, START_LOCATION } from 'vue-router';
import { alice, FakeClient } from '../../../../test-support/FakeClient.js';
import { type Auth, createAuth } from '../createAuth.js';
import { createAuthGuard } from '../createAuthGuard.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const Page = { render: () => h('p') };

/** An app with the plugin and a router whose `/account` route is guarded. */
function setup(client: FakeClient, guardSource: 'app' | 'auth' | 'inject' = 'app') {
  const app = createApp({ render: () => null });
  const auth = createAuth({ client });
  app.use(auth);
  const source: Parameters<typeof createAuthGuard>[0] =
    guardSource === 'app' ? app : guardSource === 'auth' ? (auth as Auth) : undefined;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/account', component: Page, beforeEnter: createAuthGuard(source) },
    ],
  });
  app.use(router);
  return { app, auth, router };
}

describe('createAuthGuard()', () => {
  let client: FakeClient;
  beforeEach(() => {
    client = new FakeClient();
    window.history.replaceState(null, '', '/');
  });

  it('waits for the session check on a protected first page, then sends a signed-out user to the login', async () => {
    const { router } = setup(client);
    const navigation = router.push('/account?tab=2');
    await settle();
    expect(client.count('loginWithRedirect')).toBe(0); // still loading: no decision yet

    client.set({ status: 'unauthenticated' });
    await navigation;
    expect(client.calls.filter((c) => c.method === 'loginWithRedirect')).toEqual([
      { method: 'loginWithRedirect', args: [{ appState: { target: '/account?tab=2' } }] },
    ]);
    expect(router.currentRoute.value).toBe(START_LOCATION);
  });

  it.each(['app', 'auth', 'inject'] as const)(
    'lets a signed-in user through (guard from %s)',
    async (source) => {
      const { router } = setup(client, source);
      const navigation = router.push('/account');
      client.set({ status: 'authenticated', user: alice });
      await navigation;
      expect(router.currentRoute.value.fullPath).toBe('/account');
      expect(client.count('loginWithRedirect')).toBe(0);
    },
  );

  it('does not loop on a protected callback page: it waits for the callback, then lets the user in', async () => {
    window.history.replaceState(null, '', '/account?code=abc&state=xyz');
    client.callback = async () => {
      client.set({ status: 'unauthenticated' }); // as the core: stored session read, nobody yet
      await settle();
      client.set({ status: 'authenticated', user: alice });
      return { appState: { target: '/account' } };
    };
    const { router } = setup(client);
    await router.push('/account?code=abc&state=xyz');
    await settle();
    expect(client.count('handleRedirectCallback')).toBe(1);
    expect(client.count('loginWithRedirect')).toBe(0);
    expect(router.currentRoute.value.fullPath).toBe('/account');
  });

  it('keeps loginOptions and adds the target to their appState', async () => {
    client.snapshot = { status: 'unauthenticated', user: undefined, error: undefined };
    const auth = createAuth({ client });
    createApp({ render: () => null }).use(auth);
    const guard = createAuthGuard(auth, {
      authorizationParams: { prompt: 'login' },
      appState: { from: 'guard' },
    });
    expect(await guard({ fullPath: '/admin' })).toBe(false);
    expect(client.calls.find((c) => c.method === 'loginWithRedirect')?.args).toEqual([
      { authorizationParams: { prompt: 'login' }, appState: { from: 'guard', target: '/admin' } },
    ]);
  });
});
