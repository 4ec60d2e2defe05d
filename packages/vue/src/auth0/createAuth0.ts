import { createAuthClient } from '@sesame/core';
import {
  type Auth0ClientOptions,
  type Auth0Methods,
  type Auth0UnsupportedMembers,
  auth0Methods,
  type IdToken,
  snapshotError,
  toSesameOptions,
  type User,
  withUnsupportedMembers,
} from '@sesame/core/auth0';
import { type App, computed, type InjectionKey, type Ref } from 'vue';
import { createAuth, hasAuthParams, startupOf } from '../createAuth.js';

/**
 * The app state carried through a redirect login, as auth0-vue's: `target` is the route the
 * guard protected, where the plugin returns after the login.
 *
 * @example
 * await loginWithRedirect({ appState: { target: '/billing' } });
 */
export interface AppState {
  /** The route to return to after the login; the guard sets it to the protected route. */
  target?: string;
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-vue
  [key: string]: any;
}

/** Options of `createAuth0`: auth0-spa-js's client options, with auth0's defaults. */
export interface Auth0VueClientOptions extends Auth0ClientOptions {}

/** The plugin's own options, as auth0-vue's. */
export interface Auth0PluginOptions {
  /** Do not treat `code`/`error` + `state` in the URL as this plugin's callback. */
  skipRedirectCallback?: boolean;
  /** Where vue-router goes when the redirect callback fails. Default `/`. */
  errorPath?: string;
}

/**
 * What `useAuth0()` and `$auth0` give, as auth0-vue's `Auth0VueClient`: refs and auth0-spa-js's
 * methods. auth0-vue's `mfa`, `passkey`, `myAccount`, DPoP, `createFetcher` and token
 * exchange are typed `never` and throw a `TypeError` naming the Sesame way when read (see
 * {@link Auth0UnsupportedMembers} and the README's migration guide).
 *
 * @example
 * const { isAuthenticated, user, getAccessTokenSilently }: Auth0VueClient = useAuth0();
 */
export interface Auth0VueClient extends Auth0Methods<AppState>, Auth0UnsupportedMembers {
  /** True until the stored session is read and the callback or session check is done. */
  isLoading: Ref<boolean>;
  /** True when a session is stored (after a login, or at start-up with a stored or renewed session). */
  isAuthenticated: Ref<boolean>;
  /** The signed-in user's claims, or `undefined` when signed out. */
  user: Ref<User | undefined>;
  /** The validated ID token's claims with the raw token in `__raw`, or `undefined` when signed out. */
  idTokenClaims: Ref<IdToken | undefined>;
  /** The last error of a login, callback or session check, as an auth0-spa-js error class; else `null`. */
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-vue
  error: Ref<any>;
}

/** The plugin `createAuth0()` returns: the {@link Auth0VueClient} and `install`. */
export interface Auth0Plugin extends Auth0VueClient {
  /** Installs the plugin: `app.use(createAuth0(…))` calls it. */
  install(app: App): void;
}

/** The global property name of the plugin, as auth0-vue's. */
export const AUTH0_TOKEN = '$auth0';

/**
 * Where the plugin provides itself; `useAuth0()` injects it.
 *
 * @example
 * const auth0 = inject(AUTH0_INJECTION_KEY)!;
 */
export const AUTH0_INJECTION_KEY: InjectionKey<Auth0VueClient> = Symbol('$auth0');

declare module 'vue' {
  interface ComponentCustomProperties {
    /** The app's auth0-compatible client, for templates and the Options API. */
    $auth0: Auth0VueClient;
  }
}

/**
 * auth0-vue's `createAuth0` on Sesame: the plugin from auth0-spa-js's options (auth0's
 * defaults: tokens in memory, refresh tokens off). Installed, it handles the redirect callback
 * (then vue-router goes to `appState.target`) or checks the session, provides itself to
 * `useAuth0()` and as `$auth0`, and installs Sesame's `createAuth()` plugin under it (so
 * Sesame's `useAuth()` works too).
 *
 * @throws {TypeError} for an unsupported option (naming the Sesame way) or a bad one.
 * @example
 * app.use(createAuth0({ domain: 'example.eu.auth0.com', clientId: 'abc',
 *   authorizationParams: { redirect_uri: window.location.origin } }));
 */
export function createAuth0(
  clientOptions: Auth0VueClientOptions,
  pluginOptions: Auth0PluginOptions = {},
): Auth0Plugin {
  const client = createAuthClient(toSesameOptions(clientOptions));
  const auth = createAuth({ client, skipRedirectCallback: pluginOptions.skipRedirectCallback });
  const plugin: Auth0Plugin = withUnsupportedMembers<Omit<Auth0Plugin, keyof Auth0UnsupportedMembers>>({
    ...auth0Methods<AppState>(client),
    isLoading: auth.isLoading,
    isAuthenticated: auth.isAuthenticated,
    user: auth.user,
    idTokenClaims: auth.idTokenClaims as Ref<IdToken | undefined>,
    error: computed(() => (auth.error.value ? snapshotError(client) : null)),
    install(app) {
      const callback = !pluginOptions.skipRedirectCallback && hasAuthParams();
      auth.install(app);
      app.provide(AUTH0_INJECTION_KEY, plugin);
      app.config.globalProperties[AUTH0_TOKEN] = plugin;
      if (!callback) return;
      // As auth0-vue: after a failed callback, go to errorPath (default '/'); through the router,
      // whose first navigation may otherwise put the callback's query back in the address bar.
      void startupOf(client).run?.then(() => {
        const router = app.config.globalProperties.$router as { replace(to: string): unknown } | undefined;
        if (client.getSnapshot().error) router?.replace(pluginOptions.errorPath ?? '/');
      });
    },
  });
  return plugin;
}
