import type { RedirectLoginOptions } from '@sesame/core';
import { type App, inject, watch } from 'vue';
import { type AppState, AUTH_KEY, type Auth } from './createAuth.js';

/**
 * A vue-router navigation guard (`beforeEnter` or `beforeEach`) that lets only a signed-in
 * user through. It first waits for `isLoading` to end (the stored session read and the
 * plugin's callback or session check done), so a protected first page, or the callback page
 * itself, never starts a second login; a signed-out user is
 * sent to `loginWithRedirect({ appState: { target: to.fullPath } })` and the navigation is
 * cancelled. `source` is the app or the plugin; without it the guard injects the plugin
 * (vue-router 4.2+ runs guards in the app's context). On a server (no `window`) it lets the
 * navigation through, as the server has no session: server-side rendering renders signed out.
 *
 * @param loginOptions Passed to `loginWithRedirect()`; its `appState` is kept and `target` added.
 * @throws Error (rejected) when no `createAuth()` plugin is found.
 * @example
 * const routes = [{ path: '/account', component: Account, beforeEnter: createAuthGuard(app) }];
 */
export function createAuthGuard(
  source?: App | Auth,
  loginOptions?: RedirectLoginOptions<AppState>,
): (to: { fullPath: string }) => Promise<boolean> {
  return async (to) => {
    // On the server (SSR) nobody is signed in and the plugin does not start, so waiting would
    // hang the render: the page renders signed out, and the browser runs this guard again.
    if (typeof window === 'undefined') return true;
    const auth = !source
      ? inject(AUTH_KEY, undefined)
      : 'client' in source
        ? source
        : source.config.globalProperties.$auth;
    if (!auth) throw new Error('createAuthGuard() needs app.use(createAuth(...))');
    const { isLoading, isAuthenticated } = auth;
    if (isLoading.value) await new Promise((resolve) => watch(isLoading, resolve, { once: true }));
    if (isAuthenticated.value) return true;
    await auth.loginWithRedirect<AppState>({
      ...loginOptions,
      appState: { ...loginOptions?.appState, target: to.fullPath },
    });
    return false;
  };
}
