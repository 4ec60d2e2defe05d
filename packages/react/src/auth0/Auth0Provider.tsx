import { createAuthClient } from '@sesame/core';
import {
  type Auth0ClientOptions,
  auth0Methods,
  snapshotError,
  toSesameOptions,
  type User,
  withUnsupportedMembers,
} from '@sesame/core/auth0';
import { type Context, type ReactNode, useMemo, useState } from 'react';
import { AuthProvider } from '../AuthProvider.js';
import { useAuth } from '../useAuth.js';
import { type AppState, Auth0Context, type Auth0ContextInterface } from './Auth0Context.js';

/**
 * Props of {@link Auth0Provider}, as auth0-react's: auth0-spa-js's client options (with
 * auth0's defaults) and the provider's own. A ready `client` is not accepted: pass the options.
 *
 * @example
 * const props: Auth0ProviderOptions = { domain, clientId, authorizationParams: { redirect_uri: location.origin } };
 */
export type Auth0ProviderOptions<TUser extends User = User> = Auth0ClientOptions & {
  /** The app below the provider. */
  children?: ReactNode;
  /** Called after the redirect callback; default: `history.replaceState` to `appState.returnTo`. Pass your router's navigation. */
  onRedirectCallback?: (appState?: AppState, user?: TUser) => void;
  /** Do not treat `code`/`error` + `state` in the URL as this provider's callback. */
  skipRedirectCallback?: boolean;
  /** The context to fill instead of `Auth0Context`, to nest providers. */
  context?: Context<Auth0ContextInterface<TUser>>;
};

/** Fills the auth0 context from the nearest Sesame `<AuthProvider>`: the same state, auth0's names and errors. */
function Auth0State<TUser extends User>({
  context,
  children,
}: {
  context: Context<Auth0ContextInterface<TUser>>;
  /** The app below the provider. */
  children?: ReactNode;
}): ReactNode {
  const { client, isLoading, isAuthenticated, user } = useAuth<TUser & { sub: string }>();
  const methods = useMemo(() => auth0Methods<AppState>(client), [client]);
  const error = snapshotError(client);
  const value = useMemo(
    () => withUnsupportedMembers({ ...methods, isLoading, isAuthenticated, user, error }),
    [methods, isLoading, isAuthenticated, user, error],
  );
  return <context.Provider value={value}>{children}</context.Provider>;
}

/**
 * auth0-react's `<Auth0Provider>` on Sesame: creates a client from auth0-spa-js's options
 * (auth0's defaults: tokens in memory, refresh tokens off), handles the redirect callback or
 * checks the session once, and fills `Auth0Context` for `useAuth0()`. Sesame's own
 * `useAuth()` works below it too. Options are read on the first mount.
 *
 * @throws {TypeError} on the first render, for an unsupported option (naming the Sesame way) or a bad one.
 * @example
 * createRoot(el).render(
 *   <Auth0Provider domain="example.eu.auth0.com" clientId="abc"
 *     authorizationParams={{ redirect_uri: window.location.origin }}
 *     onRedirectCallback={(appState) => navigate(appState?.returnTo || window.location.pathname)}>
 *     <App />
 *   </Auth0Provider>,
 * );
 */
export function Auth0Provider<TUser extends User = User>(props: Auth0ProviderOptions<TUser>): ReactNode {
  const { children, onRedirectCallback, skipRedirectCallback, context, ...options } = props;
  const [client] = useState(() => createAuthClient(toSesameOptions(options)));
  return (
    <AuthProvider
      client={client}
      onRedirectCallback={onRedirectCallback as (appState?: AppState, user?: User) => void}
      skipRedirectCallback={skipRedirectCallback}
    >
      <Auth0State context={context ?? (Auth0Context as unknown as Context<Auth0ContextInterface<TUser>>)}>
        {children}
      </Auth0State>
    </AuthProvider>
  );
}
