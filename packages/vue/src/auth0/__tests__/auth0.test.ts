import { afterEach, describe, expect, it } from 'vitest';
import { createApp, defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import {
  type Auth0VueClient,
  authGuard,
  createAuth0,
  createAuthGuard,
  GenericError,
  MissingRefreshTokenError,
  useAuth0,
} from '../index.js';

// The real core with refresh tokens on and no fallback: start-up sends nothing, nothing is stored.
const options = { domain: 'http://127.0.0.1:9', clientId: 'demo', useRefreshTokens: true } as const;
const Page = { render: () => h('p') };

/** An app with the plugin, a component reading useAuth0() and $auth0, and guarded routes. */
function setup(pluginOptions = {}) {
  const seen: { setup?: Auth0VueClient; global?: Auth0VueClient } = {};
  const Root = defineComponent({
    setup() {
      seen.setup = useAuth0();
      return () => h('p');
    },
    mounted() {
      seen.global = this.$auth0;
    },
  });
  const app = createApp(Root);
  const plugin = createAuth0(
    { ...options, authorizationParams: { redirect_uri: 'http://app.test/' } },
    pluginOptions,
  );
  const opened: string[] = [];
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/error', component: Page },
      { path: '/profile', component: Page, beforeEnter: authGuard },
      {
        path: '/billing',
        component: Page,
        beforeEnter: createAuthGuard({
          app,
          redirectLoginOptions: { openUrl: (url) => void opened.push(url) },
        }),
      },
    ],
  });
  app.use(plugin).use(router).mount(document.createElement('div'));
  return { app, plugin, router, seen, opened };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('@sesame/vue/auth0 with the real core', () => {
  it('provides the plugin to useAuth0() and $auth0, settles signed out, and speaks auth0-spa-js', async () => {
    const { plugin, seen } = setup();
    expect(seen.setup).toBe(plugin);
    expect(seen.global).toBe(plugin);
    await expect.poll(() => plugin.isLoading.value).toBe(false);
    expect(plugin.isAuthenticated.value).toBe(false);
    expect(plugin.error.value).toBeNull();
    await expect(plugin.getAccessTokenSilently({ cacheMode: 'cache-only' })).resolves.toBeUndefined();
    await expect(plugin.getAccessTokenSilently()).rejects.toBeInstanceOf(MissingRefreshTokenError);
  });

  it('createAuthGuard sends a signed-out user to the login with appState.target and the login options', async () => {
    const { router, opened, plugin } = setup();
    await expect.poll(() => plugin.isLoading.value).toBe(false);
    await router.push('/billing?tab=2');
    expect(router.currentRoute.value.fullPath).toBe('/');
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0] ?? '').pathname).toBe('/authorize');
  });

  it('puts a failed callback in error as a GenericError and goes to errorPath', async () => {
    window.history.replaceState(null, '', '/?code=abc&state=unknown');
    const { plugin, router } = setup({ errorPath: '/error' });
    await expect.poll(() => router.currentRoute.value.fullPath).toBe('/error');
    expect(plugin.error.value).toBeInstanceOf(GenericError);
    expect(plugin.error.value.error).toBe('missing_transaction');
  });

  it("throws a TypeError naming the Sesame way when $auth0's members Sesame does not offer are read", () => {
    const { plugin, seen } = setup();
    expect(() => seen.global?.mfa).toThrow(
      /"useAuth0\(\)\.mfa" is not supported by Sesame: .*withAuthenticationApi/,
    );
    expect(() => plugin.createFetcher).toThrow(TypeError);
    expect(() => plugin.createFetcher).toThrow(/createFetcher\(client, \{ baseUrl, allowedOrigins \}\)/);
    expect(() => plugin.loginWithCustomTokenExchange).toThrow(/tokenExchangeGrant\(\)/);
  });

  it('throws a TypeError naming the Sesame way for an unsupported option', () => {
    expect(() => createAuth0({ ...options, useDpop: true } as never)).toThrow(
      /"options.useDpop" is not supported by Sesame/,
    );
  });
});
