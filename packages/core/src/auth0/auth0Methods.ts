import { createSession } from '../authentication/session/createSession.js';
import { revokeRefreshToken } from '../authentication/session/revokeRefreshToken.js';
import { AuthError } from '../errors/AuthError.js';
import type {
  AuthClient,
  LogoutOptions as SesameLogout,
  AuthorizationParams as SesameParams,
} from '../types.js';
import { type Auth0ErrorContext, toAuth0Error } from './toAuth0Error.js';
import { refuse } from './toSesameOptions.js';
import type {
  GetTokenSilentlyOptions,
  GetTokenSilentlyVerboseResponse,
  GetTokenWithPopupOptions,
  IdToken,
  LogoutOptions,
  PopupConfigOptions,
  PopupLoginOptions,
  RedirectLoginOptions,
  RedirectLoginResult,
  RevokeRefreshTokenOptions,
} from './types.js';

/**
 * auth0-spa-js's methods, under auth0-react's and auth0-vue's names, on a Sesame client.
 * `TAppState` is the binding's app state (`returnTo` in React, `target` in Vue).
 */
export interface Auth0Methods<TAppState = unknown> {
  /** Sends the browser to `/authorize` (PKCE, state, nonce); `appState` comes back to the redirect callback. */
  loginWithRedirect(options?: RedirectLoginOptions<TAppState>): Promise<void>;
  /** Logs in through a popup; call it from a click. Rejects with `PopupCancelledError`, `PopupTimeoutError`, `PopupOpenError`. */
  loginWithPopup(options?: PopupLoginOptions, config?: PopupConfigOptions): Promise<void>;
  /**
   * An access token: from the store while valid, else renewed (refresh token or iframe, per the
   * options). `cacheMode: 'cache-only'` resolves `undefined` when no valid token is stored.
   */
  getAccessTokenSilently(
    options: GetTokenSilentlyOptions & { detailedResponse: true },
  ): Promise<GetTokenSilentlyVerboseResponse>;
  /** With `cacheMode: 'cache-only'`: the stored token, or `undefined` when none is valid (no request). */
  getAccessTokenSilently(
    options: GetTokenSilentlyOptions & { cacheMode: 'cache-only' },
  ): Promise<string | undefined>;
  /** The access token alone. */
  getAccessTokenSilently(options?: GetTokenSilentlyOptions): Promise<string>;
  /** An access token through a popup, e.g. to consent to a new audience. */
  getAccessTokenWithPopup(
    options?: GetTokenWithPopupOptions,
    config?: PopupConfigOptions,
  ): Promise<string | undefined>;
  /** The validated ID token's claims and the raw token (`__raw`), or `undefined` when signed out. */
  getIdTokenClaims(): Promise<IdToken | undefined>;
  /** Completes a redirect login from the callback URL (default: the current one). The providers call it for you. */
  handleRedirectCallback(url?: string): Promise<RedirectLoginResult<TAppState>>;
  /** Renews the session silently if it can; resolves without a session otherwise. */
  checkSession(options?: GetTokenSilentlyOptions): Promise<void>;
  /** Clears the session in every tab, then goes to `/v2/logout` unless `openUrl` is `false`. */
  logout(options?: LogoutOptions): Promise<void>;
  /**
   * Revokes the stored refresh token of `audience` (default: the client's) at `/oauth/revoke`
   * and drops it in every tab, as auth0-spa-js's; the access token stays usable until it
   * expires. Sends nothing when no refresh token is stored.
   * @see https://auth0.com/docs/api/authentication#revoke-refresh-token
   */
  revokeRefreshToken(options?: RevokeRefreshTokenOptions): Promise<void>;
}

const UNSUPPORTED_LOGIN = { fragment: 'Sesame builds the authorize URL itself; omit the option' };
const UNSUPPORTED_LOGOUT = { clientId: "Sesame's logout URL always names this client; omit the option" };

/** Runs `call` and rethrows a Sesame error as the auth0-spa-js class for `context`. */
async function as0<T>(context: Auth0ErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAuth0Error(error, context);
  }
}

// The context of each client's last operation that publishes its error in the snapshot
// (callback, popup, session check). The snapshot may be read before that operation's own
// rejection is converted, so the snapshot's error is converted with this context: both
// then hold the same object (`toAuth0Error` converts each error once).
const lastContext = new WeakMap<AuthClient, Auth0ErrorContext>();

function callbackContext(url: string): Auth0ErrorContext {
  const params = new URL(url).searchParams;
  return {
    operation: 'callback',
    state: params.get('state') ?? undefined,
    callbackError: params.has('error'),
  };
}

/**
 * The snapshot's error of `client` as the auth0-spa-js class (see `toAuth0Error`), the same
 * object the failed call rejected with. For `useAuth0().error`.
 *
 * @example
 * const error = snapshotError(client); // e.g. an AuthenticationError after ?error=access_denied
 */
export function snapshotError(client: AuthClient): Error | undefined {
  const error = client.getSnapshot().error;
  return error && (toAuth0Error(error, lastContext.get(client)) as Error);
}

/**
 * The {@link Auth0Methods} of a Sesame client: the same calls, auth0-spa-js's option names,
 * results and error classes (see `toAuth0Error`). No OAuth here: each maps onto the client.
 *
 * @example
 * const { getAccessTokenSilently } = auth0Methods(createAuthClient(toSesameOptions(options)));
 * const token = await getAccessTokenSilently({ cacheMode: 'cache-only' }); // string | undefined
 */
export function auth0Methods<TAppState = unknown>(client: AuthClient): Auth0Methods<TAppState> {
  const tokenContext = (options?: GetTokenSilentlyOptions): Auth0ErrorContext => ({
    operation: 'token',
    audience: options?.authorizationParams?.audience,
    scope: options?.authorizationParams?.scope,
  });
  const publishing = (context: Auth0ErrorContext): Auth0ErrorContext => {
    lastContext.set(client, context);
    return context;
  };
  const popupContext = (config?: PopupConfigOptions): Auth0ErrorContext =>
    publishing({ operation: 'popup', popup: config?.popup });
  // The providers handle a callback in the URL with the core's method, on their first mount.
  if (!lastContext.has(client) && typeof window !== 'undefined') {
    lastContext.set(client, callbackContext(window.location.href));
  }

  const getAccessTokenSilently = (options: GetTokenSilentlyOptions = {}) =>
    as0(tokenContext(options), async () => {
      const sesameOptions = { ...options, authorizationParams: options.authorizationParams as SesameParams };
      try {
        if (!options.detailedResponse) return await client.getTokenSilently(sesameOptions);
        const { id_token = '', ...rest } = await client.getTokenSilently({
          ...sesameOptions,
          detailedResponse: true,
        });
        return { ...rest, id_token } satisfies GetTokenSilentlyVerboseResponse;
      } catch (error) {
        // auth0-spa-js resolves `undefined` when the store has nothing valid, where Sesame says login_required.
        if (
          options.cacheMode === 'cache-only' &&
          error instanceof AuthError &&
          error.code === 'login_required'
        ) {
          return undefined;
        }
        throw error;
      }
    });

  return {
    loginWithRedirect: (options = {}) => {
      refuse(options, UNSUPPORTED_LOGIN, 'options');
      return client.loginWithRedirect({
        ...options,
        authorizationParams: options.authorizationParams as SesameParams,
      });
    },
    // Not async before the core is called: it opens the popup within the user's click.
    loginWithPopup: (options, config) => {
      const context = popupContext(config);
      const login = client.loginWithPopup(options as { authorizationParams?: SesameParams }, config);
      return as0(context, () => login);
    },
    getAccessTokenWithPopup: (options, config) => {
      const context = popupContext(config);
      const login = client.getTokenWithPopup(options as { authorizationParams?: SesameParams }, config);
      return as0(context, () => login);
    },
    getAccessTokenSilently: getAccessTokenSilently as Auth0Methods['getAccessTokenSilently'],
    getIdTokenClaims: () => client.getIdTokenClaims() as Promise<IdToken | undefined>,
    handleRedirectCallback: (url = window.location.href) =>
      as0(publishing(callbackContext(url)), () => client.handleRedirectCallback<TAppState>(url)),
    checkSession: (options) =>
      as0(publishing(tokenContext(options)), () =>
        client.checkSession({
          ...options,
          authorizationParams: options?.authorizationParams as SesameParams,
        }),
      ),
    logout: (options = {}) => {
      refuse(options, UNSUPPORTED_LOGOUT, 'options');
      return client.logout(options as SesameLogout);
    },
    revokeRefreshToken: (options = {}) =>
      as0(tokenContext({ authorizationParams: { audience: options.audience } }), () =>
        revokeRefreshToken(createSession(client), { audience: options.audience }),
      ),
  };
}
