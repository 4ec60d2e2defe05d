import type { RedirectLoginOptions as SesameRedirectLoginOptions } from '@sesame/core';
import type { RedirectLoginOptions } from '@sesame/core/auth0';
import type { App } from 'vue';
import type { AppState } from '../createAuth.js';
import { createAuthGuard as createSesameGuard } from '../createAuthGuard.js';

/**
 * Options of {@link createAuthGuard}, as auth0-vue's.
 *
 * @example
 * const guard = createAuthGuard({ app, redirectLoginOptions: { authorizationParams: { screen_hint: 'signup' } } });
 */
export interface AuthGuardOptions {
  /** The app the plugin is installed in; default: the app of the current injection context. */
  app?: App;
  /** Passed to `loginWithRedirect()`; the guard adds `appState.target`. */
  redirectLoginOptions?: RedirectLoginOptions;
}

/** The route a guard receives; vue-router's `RouteLocation` fits it. */
type GuardedRoute = { fullPath: string };

/**
 * auth0-vue's `createAuthGuard`: a vue-router guard that waits for loading to end, lets a
 * signed-in user through, else `loginWithRedirect({ appState: { target: to.fullPath } })`.
 * Sesame's `createAuthGuard` underneath.
 *
 * @example
 * const routes = [{ path: '/profile', component: Profile, beforeEnter: createAuthGuard(app) }];
 */
export function createAuthGuard(
  appOrOptions?: App | AuthGuardOptions,
): (to: GuardedRoute) => Promise<boolean> {
  const options: AuthGuardOptions =
    appOrOptions && 'config' in appOrOptions ? { app: appOrOptions } : (appOrOptions ?? {});
  return createSesameGuard(
    options.app,
    options.redirectLoginOptions as SesameRedirectLoginOptions<AppState> | undefined,
  );
}

/**
 * auth0-vue's `authGuard`: {@link createAuthGuard} for the app the router runs in.
 *
 * @example
 * const routes = [{ path: '/profile', component: Profile, beforeEnter: authGuard }];
 */
export function authGuard(to: GuardedRoute): Promise<boolean> {
  return createSesameGuard()(to);
}
