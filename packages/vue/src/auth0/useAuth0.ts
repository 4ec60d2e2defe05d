import { hasInjectionContext, inject } from 'vue';
import { AUTH0_INJECTION_KEY, type Auth0VueClient } from './createAuth0.js';

/**
 * auth0-vue's `useAuth0()`: the app's {@link Auth0VueClient} (refs and methods), in `setup()`
 * or anywhere in the app's injection context.
 *
 * @throws Error without `app.use(createAuth0(...))` or outside an injection context.
 * @example
 * <script setup>
 * const { loginWithRedirect, user, isAuthenticated } = useAuth0();
 * </script>
 */
export function useAuth0(): Auth0VueClient {
  const auth0 = hasInjectionContext() ? inject(AUTH0_INJECTION_KEY, undefined) : undefined;
  if (!auth0)
    throw new Error('useAuth0() needs app.use(createAuth0(...)) and setup() or app.runWithContext()');
  return auth0;
}
