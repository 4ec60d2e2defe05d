import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessDenied, alice, FakeClient } from '../../../../test-support/FakeClient.js';
import { createAuth } from '../createAuth.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createAuth()', () => {
  let client: FakeClient;
  beforeEach(() => {
    client = new FakeClient();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('checks the session once on install when the URL is not a callback', () => {
    createApp({ render: () => null }).use(createAuth({ client }));
    expect(client.count('checkSession')).toBe(1);
    expect(client.count('handleRedirectCallback')).toBe(0);
  });

  it('handles the callback once, even for two apps on one client, and passes appState and user on', async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=xyz');
    const onRedirectCallback = vi.fn();
    createApp({ render: () => null }).use(createAuth({ client, onRedirectCallback }));
    createApp({ render: () => null }).use(createAuth({ client, onRedirectCallback }));
    await settle();
    expect(client.calls.filter((c) => c.method === 'handleRedirectCallback')).toEqual([
      { method: 'handleRedirectCallback', args: [`${window.location.origin}/callback?code=abc&state=xyz`] },
    ]);
    expect(client.count('checkSession')).toBe(0);
    expect(onRedirectCallback).toHaveBeenCalledTimes(1);
    expect(onRedirectCallback).toHaveBeenCalledWith({ returnTo: '/from-state' }, alice);
  });

  it('by default sends the router to appState.target after the callback', async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=xyz');
    client.callback = async () => {
      client.set({ status: 'authenticated', user: alice });
      return { appState: { target: '/account?tab=2' } };
    };
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:any(.*)*', component: { render: () => h('p') } }],
    });
    createApp({ render: () => null })
      .use(createAuth({ client }))
      .use(router);
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/account?tab=2');
  });

  it('leaves code and state alone with skipRedirectCallback', () => {
    window.history.replaceState(null, '', '/other-oauth?code=abc&state=xyz');
    createApp({ render: () => null }).use(createAuth({ client, skipRedirectCallback: true }));
    expect(client.count('handleRedirectCallback')).toBe(0);
    expect(client.count('checkSession')).toBe(1);
  });

  it('surfaces a failed callback as error', async () => {
    window.history.replaceState(null, '', '/callback?error=access_denied&state=xyz');
    client.callback = () => Promise.reject(accessDenied);
    const auth = createAuth({ client, onRedirectCallback: () => {} });
    createApp({ render: () => null }).use(auth);
    await settle();
    expect(auth.error.value).toBe(accessDenied);
    expect(auth.isAuthenticated.value).toBe(false);
  });

  it('creates a real core client from options and settles to signed out when nothing is stored', async () => {
    const auth = createAuth({
      domain: 'http://127.0.0.1:9',
      clientId: 'demo',
      storage: 'memory',
      silentAuth: false,
    });
    createApp({ render: () => null }).use(auth);
    expect(auth.isLoading.value).toBe(true);
    await expect.poll(() => auth.isLoading.value).toBe(false);
    expect(auth.isAuthenticated.value).toBe(false);
    expect(auth.error.value).toBeUndefined();
  });

  it("surfaces the real core's rejection of an unknown callback state as error", async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=unknown');
    const auth = createAuth({
      domain: 'http://127.0.0.1:9',
      clientId: 'demo',
      storage: 'memory',
      silentAuth: false,
    });
    createApp({ render: () => null }).use(auth);
    await expect.poll(() => auth.isLoading.value).toBe(false);
    expect(auth.error.value?.code).toBe('invalid_state');
    expect(window.location.search).toBe('');
  });
});
