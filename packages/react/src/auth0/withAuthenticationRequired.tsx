import type { ComponentType, Context, FC, JSX } from 'react';
import { useLoginRedirect } from '../RequireAuth.js';
import { Auth0Context, type Auth0ContextInterface, type RedirectLoginOptions } from './Auth0Context.js';
import { useAuth0 } from './useAuth0.js';

/**
 * Options of {@link withAuthenticationRequired}, as auth0-react's.
 *
 * @example
 * const options: WithAuthenticationRequiredOptions = { onRedirecting: () => <p>Redirecting…</p>, returnTo: '/profile' };
 */
export interface WithAuthenticationRequiredOptions {
  /** Where `onRedirectCallback` sends the user after the login. Default: the current path and query. */
  returnTo?: string | (() => string);
  /** Rendered while loading and while the browser goes to the login page. */
  onRedirecting?: () => JSX.Element;
  /** Awaited just before the login starts. */
  onBeforeAuthentication?: () => Promise<void>;
  /** Passed to `loginWithRedirect()`; its `appState` is kept and `returnTo` added. */
  loginOptions?: RedirectLoginOptions;
  /** The provider's context, when it is not `Auth0Context`. */
  context?: Context<Auth0ContextInterface>;
}

/**
 * auth0-react's `withAuthenticationRequired`: renders `Component` for a signed-in user; once
 * loading is over and nobody is signed in, `loginWithRedirect({ appState: { returnTo } })`.
 * The same effect as Sesame's `<RequireAuth>`, on the chosen provider's context.
 *
 * @example
 * export default withAuthenticationRequired(Profile, { onRedirecting: () => <Loading /> });
 */
export function withAuthenticationRequired<P extends object>(
  Component: ComponentType<P>,
  { onRedirecting = () => <></>, context = Auth0Context, ...options }: WithAuthenticationRequiredOptions = {},
): FC<P> {
  function WithAuthenticationRequired(props: P): JSX.Element {
    const auth0 = useAuth0(context);
    useLoginRedirect(auth0, options);
    return auth0.isAuthenticated ? <Component {...props} /> : onRedirecting();
  }
  WithAuthenticationRequired.displayName = `withAuthenticationRequired(${Component.displayName ?? Component.name})`;
  return WithAuthenticationRequired;
}
