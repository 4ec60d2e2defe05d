import type { RedirectLoginOptions } from '@sesame/core';
import { type ComponentType, type ReactNode, useEffect, useRef } from 'react';
import type { AppState } from './AuthProvider.js';
import { useAuth } from './useAuth.js';

/**
 * Options of {@link RequireAuth} and {@link withAuthenticationRequired}.
 *
 * @example
 * const options: RequireAuthOptions = {
 *   returnTo: '/billing',
 *   loginOptions: { authorizationParams: { screen_hint: 'signup' } },
 * };
 */
export interface RequireAuthOptions {
  /** Where to come back after the login. Default: the current path and query. */
  returnTo?: string | (() => string);
  /** Rendered while loading and while the browser goes to the login page. Default: nothing. */
  onRedirecting?: () => ReactNode;
  /** Passed to `loginWithRedirect()`; its `appState` is kept and `returnTo` added to it. */
  loginOptions?: RedirectLoginOptions<AppState>;
  /** Awaited just before the login starts, e.g. to record an analytics event. */
  onBeforeAuthentication?: () => Promise<void>;
}

/**
 * Renders `children` only for a signed-in user. Once loading is over and nobody is signed
 * in, calls `loginWithRedirect({ appState: { returnTo } })`; `<AuthProvider>`'s
 * `onRedirectCallback` receives that `returnTo` after the login. A `logout()` that leaves the
 * page (the default `openUrl`) does not set it off: the core keeps the snapshot until unload.
 *
 * @example
 * <Route path="/account" element={
 *   <RequireAuth onRedirecting={() => <Spinner />}><Account /></RequireAuth>
 * } />
 */
export function RequireAuth({
  children,
  onRedirecting = () => null,
  ...options
}: RequireAuthOptions & { children?: ReactNode }): ReactNode {
  const auth = useAuth();
  useLoginRedirect(auth, options);
  return auth.isAuthenticated ? children : onRedirecting();
}

/** What {@link useLoginRedirect} reads: `useAuth()`'s result, or auth0-react's `useAuth0()`'s. */
export interface LoginRedirectState<TOptions> {
  isLoading: boolean;
  isAuthenticated: boolean;
  loginWithRedirect(options: TOptions): Promise<void>;
}

/** The options {@link useLoginRedirect} reads, with the login options of `loginWithRedirect`. */
export interface LoginRedirectOptions<TOptions> {
  returnTo?: RequireAuthOptions['returnTo'];
  loginOptions?: TOptions;
  onBeforeAuthentication?: () => Promise<void>;
}

/**
 * The effect of {@link RequireAuth}: once loading is over and nobody is signed in, runs
 * `onBeforeAuthentication`, then `loginWithRedirect({ appState: { returnTo } })`, once per
 * signed-out period. Shared with `@sesame/react/auth0`'s `withAuthenticationRequired`.
 */
export function useLoginRedirect<TOptions extends { appState?: object }>(
  { isLoading, isAuthenticated, loginWithRedirect }: LoginRedirectState<TOptions>,
  { returnTo, loginOptions, onBeforeAuthentication }: LoginRedirectOptions<TOptions>,
): void {
  // One login per signed-out period, also when StrictMode runs the effect twice.
  const redirecting = useRef(false);

  // Runs on a change of state only: inline `loginOptions` or `returnTo` must not start a second login.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are read when the state changes
  useEffect(() => {
    if (isAuthenticated) redirecting.current = false;
    if (isLoading || isAuthenticated || redirecting.current) return;
    redirecting.current = true;
    const to =
      typeof returnTo === 'function'
        ? returnTo()
        : (returnTo ?? `${window.location.pathname}${window.location.search}`);
    // Not caught: a failure to start the login (bad options, discovery down) must be seen.
    const login = () =>
      loginWithRedirect({
        ...loginOptions,
        appState: { ...loginOptions?.appState, returnTo: to },
      } as TOptions);
    void (onBeforeAuthentication ? onBeforeAuthentication().then(login) : login());
  }, [isLoading, isAuthenticated]);
}

/**
 * Wraps `Component` so that it renders only for a signed-in user (see {@link RequireAuth}).
 *
 * @example
 * export default withAuthenticationRequired(Account, { onRedirecting: () => <Spinner /> });
 */
export function withAuthenticationRequired<P extends object>(
  Component: ComponentType<P>,
  options: RequireAuthOptions = {},
): ComponentType<P> {
  const Protected = (props: P) => (
    <RequireAuth {...options}>
      <Component {...props} />
    </RequireAuth>
  );
  Protected.displayName = `withAuthenticationRequired(${Component.displayName ?? Component.name})`;
  return Protected;
}
