import {
  type AuthClient,
  type AuthClientOptions,
  bindMethods,
  type ClientMethods,
  createAuthClient,
  type User,
} from '@sesame/core';
import { type App, effectScope, type InjectionKey, type Ref, shallowRef } from 'vue';
import { type AuthState, authState } from './authState.js';

/**
 * The app state carried through a redirect login; `target` is set by `createAuthGuard()`.
 *
 * @example
 * createAuth({
 *   ...options,
 *   onRedirectCallback: (appState?: AppState) => router.push(appState?.target ?? '/'),
 * });
 */
export interface AppState {
  /** The route to return to after the login; `createAuthGuard()` sets it to the protected route. */
  target?: string;
  [key: string]: unknown;
}

/**
 * Options of {@link createAuth}: a ready `client`, or the core's options to create one with.
 *
 * @example
 * const options: CreateAuthOptions = { client: createAuthClient(clientOptions), skipRedirectCallback: true };
 */
export type CreateAuthOptions = {
  /**
   * Called once the redirect callback has been handled, with the `appState` given to
   * `loginWithRedirect()` and the signed-in user. Default: with vue-router installed,
   * `router.replace(appState.target ?? '/')`; without it, `history.replaceState` to the target if any.
   */
  onRedirectCallback?: (appState: AppState | undefined, user: User | undefined) => void;
  /** Do not treat `code`/`error` + `state` in the URL as a Sesame callback (e.g. another OAuth flow's). */
  skipRedirectCallback?: boolean;
} & (
  | {
      /** A client made by `createAuthClient()`; create it once, before the plugin. */
      client: AuthClient;
    }
  | (AuthClientOptions & {
      /** Without a client, the plugin creates one from the other options (the core's options). */
      client?: undefined;
    })
);

/**
 * The plugin and the app-wide auth: the state as read-only refs and the client's methods, bound.
 *
 * @example
 * export const auth: Auth = createAuth(options);
 * export const apiFetch = async (url: string) =>
 *   fetch(url, { headers: { authorization: `Bearer ${await auth.getAccessTokenSilently()}` } });
 */
export type Auth<TClient extends AuthClient = AuthClient> = AuthState &
  ClientMethods<TClient> & {
    /** The client made by `createAuthClient()`. */
    client: TClient;
    /** auth0-vue's name for `getTokenSilently`. */
    getAccessTokenSilently: AuthClient['getTokenSilently'];
    /** auth0-vue's name for `getTokenWithPopup`. */
    getAccessTokenWithPopup: AuthClient['getTokenWithPopup'];
    /** Called by `app.use()`: provides the auth and starts the client (see {@link createAuth}). */
    install(app: App): void;
  };

/**
 * Where {@link createAuth} provides the {@link Auth} to components.
 *
 * @example
 * const auth = inject(AUTH_KEY)!; // what useAuth() reads, without a subscription of its own
 */
export const AUTH_KEY: InjectionKey<Auth> = Symbol('sesame-auth');

declare module 'vue' {
  interface ComponentCustomProperties {
    /** The app's {@link Auth}, for templates and the Options API. */
    $auth: Auth;
  }
}

/**
 * The start-up (callback or session check) of each client: run once per client, so a code
 * is never exchanged twice, and `done` once it has settled. The core leaves `loading` once
 * the stored session is read, before a callback or a silent session check is done; until
 * then a signed-out snapshot is not final, so `isLoading` follows `done` too.
 */
const startups = new WeakMap<AuthClient, { done: Ref<boolean>; run?: Promise<void> }>();

/** The start-up record of `client`, created on first use. */
export function startupOf(client: AuthClient): { done: Ref<boolean>; run?: Promise<void> } {
  let startup = startups.get(client);
  if (!startup) {
    startup = { done: shallowRef(false) };
    startups.set(client, startup);
  }
  return startup;
}

/** True when the current URL looks like an authorization response: `state` and `code` or `error`. */
export function hasAuthParams(search = window.location.search): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

function defaultOnRedirectCallback(app: App) {
  return (appState: AppState | undefined) => {
    const target = typeof appState?.target === 'string' ? appState.target : undefined;
    // Router locations are relative to the router's base, like the guard's `to.fullPath`.
    const router = app.config.globalProperties.$router as { replace(to: string): unknown } | undefined;
    if (router) router.replace(target ?? '/');
    else if (target) window.history.replaceState(null, '', target);
  };
}

/**
 * Creates the Vue plugin. Installed with `app.use()`, it provides the auth to
 * {@link useAuth} and as `$auth`, and starts the client once: it handles the redirect
 * callback when the URL carries one, otherwise it calls `checkSession()`; `isLoading` stays
 * true until that is done (on a server, with no `window`, it does not start: server-side
 * rendering shows the loading state). Errors are published by the core in the snapshot's `error`. The
 * returned object is also the app-wide auth, usable outside components (stores, router
 * guards, plain modules).
 *
 * @example
 * export const auth = createAuth({
 *   domain: 'example.eu.auth0.com',
 *   clientId: 'abc',
 *   authorizationParams: { redirect_uri: location.origin },
 * });
 * createApp(App).use(auth).use(router).mount('#app');
 * // elsewhere: if (auth.isAuthenticated.value) await auth.getAccessTokenSilently();
 */
export function createAuth(options: CreateAuthOptions): Auth {
  const { onRedirectCallback, skipRedirectCallback, client: given, ...clientOptions } = options;
  const client = given ?? createAuthClient(clientOptions as AuthClientOptions);
  // The app-wide state lives until the app is unmounted, not as long as some component.
  const scope = effectScope(true);
  const startup = startupOf(client);
  const state = scope.run(() => authState(client, startup.done))!;
  const methods = bindMethods(client);
  const auth: Auth = {
    ...methods,
    getAccessTokenSilently: methods.getTokenSilently,
    getAccessTokenWithPopup: methods.getTokenWithPopup,
    ...state,
    client,
    install(app) {
      app.provide(AUTH_KEY, auth);
      app.config.globalProperties.$auth = auth;
      app.onUnmount(() => scope.stop());
      // On the server (SSR) there is no URL to read and no session to check: the page renders
      // as loading, and the browser's app starts the client when it hydrates.
      if (startup.run || typeof window === 'undefined') return;
      // Their rejections are dropped here because the core publishes them as the snapshot's
      // `error`; an exception of `onRedirectCallback` is not dropped. The callback URL is read
      // now, as the router may change the address before the core gets to it.
      const redirected = onRedirectCallback ?? defaultOnRedirectCallback(app);
      startup.run = (
        !skipRedirectCallback && hasAuthParams()
          ? client.handleRedirectCallback<AppState>(window.location.href).then(
              ({ appState }) => redirected(appState, client.getSnapshot().user),
              () => {},
            )
          : client.checkSession().catch(() => {})
      ).finally(() => {
        startup.done.value = true;
      });
    },
  };
  return auth;
}
