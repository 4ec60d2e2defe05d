import { beforeEach, describe, expect, it } from 'vitest';
import { createApp, defineComponent, effectScope, h, nextTick } from 'vue';
import { accessDenied, alice, FakeClient } from '../../../../test-support/FakeClient.js';
import { createAuth } from '../createAuth.js';
import { type UseAuthResult, useAuth } from '../useAuth.js';

/** Lets the promises the code under test started settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mountWithAuth(client: FakeClient, setup: () => () => unknown) {
  const app = createApp(defineComponent({ setup }));
  const auth = createAuth({ client });
  app.use(auth);
  const el = document.createElement('div');
  app.mount(el);
  return { app, auth, el };
}

describe('useAuth()', () => {
  let client: FakeClient;
  beforeEach(() => {
    client = new FakeClient();
    window.history.replaceState(null, '', '/');
  });

  it('gives read-only refs that follow the snapshot, and renders them', async () => {
    let auth!: UseAuthResult;
    const { el } = mountWithAuth(client, () => {
      auth = useAuth();
      return () => h('p', auth.isLoading.value ? 'loading' : (auth.user.value?.name ?? 'signed out'));
    });
    expect(el.textContent).toBe('loading');
    expect(auth.isAuthenticated.value).toBe(false);

    client.set({ status: 'authenticated', user: alice });
    await settle();
    expect(el.textContent).toBe('Alice');
    expect(auth.isAuthenticated.value).toBe(true);

    client.set({ status: 'unauthenticated', user: undefined, error: accessDenied });
    await nextTick();
    expect(el.textContent).toBe('signed out');
    expect(auth.error.value).toBe(accessDenied);
  });

  it('stays loading until the session check is done, even once the core has left `loading`', async () => {
    let finish!: () => void;
    client.checkSession = () => new Promise<void>((resolve) => (finish = resolve));
    client.snapshot = { status: 'unauthenticated', user: undefined, error: undefined };
    let auth!: UseAuthResult;
    mountWithAuth(client, () => {
      auth = useAuth();
      return () => null;
    });
    await settle();
    expect(auth.isLoading.value).toBe(true);
    finish();
    await settle();
    expect(auth.isLoading.value).toBe(false);
  });

  it('loads idTokenClaims whenever the user changes', async () => {
    let auth!: UseAuthResult;
    mountWithAuth(client, () => {
      auth = useAuth();
      return () => null;
    });
    expect(auth.idTokenClaims.value).toBeUndefined();
    client.set({ status: 'authenticated', user: alice });
    await settle();
    expect(auth.idTokenClaims.value).toMatchObject({ sub: alice.sub, __raw: 'x.y.z' });
    client.set({ status: 'unauthenticated', user: undefined });
    expect(auth.idTokenClaims.value).toBeUndefined();
  });

  it('unsubscribes when its effect scope is disposed (a component unmounting)', () => {
    const { app } = mountWithAuth(client, () => () => null);
    const appWide = client.listeners.size; // the plugin's own subscription
    const scope = effectScope();
    const auth = scope.run(() => app.runWithContext(() => useAuth()))!;
    expect(client.listeners.size).toBe(appWide + 1);
    scope.stop();
    expect(client.listeners.size).toBe(appWide);
    client.set({ status: 'authenticated', user: alice });
    expect(auth.isAuthenticated.value).toBe(false); // no longer follows the store

    app.unmount();
    expect(client.listeners.size).toBe(0);
  });

  it('passes the client methods through, bound, with the auth0-vue names', async () => {
    let auth!: UseAuthResult;
    mountWithAuth(client, () => {
      auth = useAuth();
      return () => null;
    });
    const { loginWithRedirect, getAccessTokenSilently, getAccessTokenWithPopup, logout } = auth;
    await loginWithRedirect({ appState: { target: '/a' } });
    expect(await getAccessTokenSilently()).toBe('access-token');
    expect(await getAccessTokenWithPopup()).toBe('popup-token');
    await logout({ openUrl: false });
    expect(client.calls.map((c) => c.method)).toEqual([
      'checkSession',
      'loginWithRedirect',
      'getTokenSilently',
      'getTokenWithPopup',
      'logout',
    ]);
    expect(auth.client).toBe(client);
  });

  it('works outside components: the plugin object, $auth, and app.runWithContext()', async () => {
    const { app, auth, el } = mountWithAuth(client, () => () => null);
    expect(app.config.globalProperties.$auth).toBe(auth);
    expect(app.runWithContext(() => useAuth())).toBe(auth);

    client.set({ status: 'authenticated', user: alice });
    expect(auth.isAuthenticated.value).toBe(true);
    expect(auth.user.value).toBe(alice);
    await auth.logout({ openUrl: false });
    expect(auth.isAuthenticated.value).toBe(false);
    expect(el.textContent).toBe('');
  });

  it('throws without the plugin', () => {
    expect(() => useAuth()).toThrow('createAuth');
  });
});
