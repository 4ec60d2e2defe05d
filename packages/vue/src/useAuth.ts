import type { AuthClient } from '@sesame/core';
import { getCurrentScope, hasInjectionContext, inject } from 'vue';
import { authState } from './authState.js';
import { AUTH_KEY, type Auth, startupOf } from './createAuth.js';

/**
 * What {@link useAuth} returns: the plugin's auth without `install`.
 *
 * @example
 * const auth: UseAuthResult = useAuth();
 */
export type UseAuthResult<TClient extends AuthClient = AuthClient> = Omit<Auth<TClient>, 'install'>;

/**
 * The auth of the app's {@link createAuth} plugin: read-only refs (`isLoading`,
 * `isAuthenticated`, `user`, `idTokenClaims`, `error`) and the client's methods. Inside
 * `setup()` (or any effect scope) the refs follow a subscription of that scope, removed
 * when it is disposed; elsewhere in the app's context (e.g. `app.runWithContext()`) it
 * returns the plugin's app-wide auth.
 *
 * @throws Error when the app has no `createAuth()` plugin, or outside an injection context.
 * @example
 * <script setup lang="ts">
 * const { isAuthenticated, user, loginWithRedirect, logout } = useAuth();
 * </script>
 * <template>
 *   <button v-if="isAuthenticated" @click="logout()">Sign out {{ user?.name }}</button>
 *   <button v-else @click="loginWithRedirect()">Sign in</button>
 * </template>
 */
export function useAuth<TClient extends AuthClient = AuthClient>(): UseAuthResult<TClient> {
  const auth = hasInjectionContext() ? inject(AUTH_KEY, undefined) : undefined;
  if (!auth) throw new Error('useAuth() needs app.use(createAuth(...)) and setup() or app.runWithContext()');
  if (!getCurrentScope()) return auth as unknown as UseAuthResult<TClient>;
  return {
    ...auth,
    ...authState(auth.client, startupOf(auth.client).done),
  } as unknown as UseAuthResult<TClient>;
}
