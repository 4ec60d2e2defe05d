import {
  type Auth0Methods,
  type Auth0UnsupportedMembers,
  type RedirectLoginOptions as SpaRedirectLoginOptions,
  type User,
  withUnsupportedMembers,
} from '@sesame/core/auth0';
import { createContext } from 'react';

/**
 * The app state carried through a redirect login, as auth0-react's: `returnTo` is set by
 * `withAuthenticationRequired` and read by `onRedirectCallback`.
 *
 * @example
 * const onRedirectCallback = (appState?: AppState) => navigate(appState?.returnTo || '/');
 */
export type AppState = {
  /** Where to go after the login; `withAuthenticationRequired` sets it to the protected page. */
  returnTo?: string;
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-react
  [key: string]: any;
};

/**
 * Options of `loginWithRedirect()`, as auth0-react's (auth0-spa-js's with {@link AppState}).
 *
 * @example
 * await loginWithRedirect({ appState: { returnTo: '/billing' }, authorizationParams: { screen_hint: 'signup' } });
 */
export type RedirectLoginOptions<TAppState = AppState> = SpaRedirectLoginOptions<TAppState>;

/**
 * What `useAuth0()` returns, as auth0-react's `Auth0ContextInterface`: the auth state and
 * auth0-spa-js's methods. auth0-react's members Sesame does not offer (`mfa`, `passkey`,
 * `myAccount`, `anonymous`, DPoP, token exchange, `connectAccountWithRedirect`,
 * `createFetcher`, `getConfiguration`) are typed `never` and throw a `TypeError` naming the
 * Sesame way when read (see {@link Auth0UnsupportedMembers} and the README's migration guide).
 *
 * @example
 * const { isAuthenticated, user, getAccessTokenSilently }: Auth0ContextInterface = useAuth0();
 */
export interface Auth0ContextInterface<TUser extends User = User>
  extends Auth0Methods<AppState>,
    Auth0UnsupportedMembers {
  /** The last error of a login, callback or session check, as an auth0-spa-js error class. */
  error: Error | undefined;
  /** True once a session is stored: after a login, or at start-up with a stored or renewed session. */
  isAuthenticated: boolean;
  /** True until the stored session is read and the callback or session check is done. */
  isLoading: boolean;
  /** The signed-in user's claims (from the ID token), or `undefined` when signed out. */
  user: TUser | undefined;
}

const outsideProvider = (): never => {
  throw new Error('You forgot to wrap your component in <Auth0Provider>.');
};

/** What `useAuth0()` reads outside an `<Auth0Provider>`: signed out, loading, and methods that throw. */
export const initialContext: Auth0ContextInterface = withUnsupportedMembers({
  error: undefined,
  isAuthenticated: false,
  isLoading: true,
  user: undefined,
  loginWithRedirect: outsideProvider,
  loginWithPopup: outsideProvider,
  getAccessTokenSilently: outsideProvider,
  getAccessTokenWithPopup: outsideProvider,
  getIdTokenClaims: outsideProvider,
  handleRedirectCallback: outsideProvider,
  checkSession: outsideProvider,
  logout: outsideProvider,
  revokeRefreshToken: outsideProvider,
});

/**
 * The context `<Auth0Provider>` fills. Pass another one (made with `createContext(initialContext)`)
 * as the provider's `context` to nest providers, and to `useAuth0`, `withAuth0` and
 * `withAuthenticationRequired` to read it.
 *
 * @example
 * const Other = createContext(initialContext);
 * <Auth0Provider context={Other} {...options}><App /></Auth0Provider>
 */
export const Auth0Context = createContext<Auth0ContextInterface>(initialContext);
