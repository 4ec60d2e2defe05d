// The auth0-spa-js option and result types the compatibility layer speaks, written for
// Sesame: each matches auth0-spa-js 2.x's declaration of the same name (checked by the
// bindings' type tests), except where a comment says why not.

/** auth0-spa-js's `MaybePromise`. */
type MaybePromise<T> = T | Promise<T>;

/**
 * Where tokens are kept. `memory` (auth0's default) is Sesame's `storage: 'memory'`;
 * `localstorage` becomes Sesame's IndexedDB store: the session survives reloads and is
 * shared by tabs as with localStorage, but no token is ever written to web storage.
 */
export type CacheLocation = 'memory' | 'localstorage';

/**
 * A cache of your own, as auth0-spa-js's `ICache`. Sesame needs `allKeys()`, so that
 * `logout()` can remove every entry.
 *
 * @example
 * const map = new Map<string, unknown>();
 * const cache: ICache = { get: (k) => map.get(k) as never, set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k), allKeys: () => [...map.keys()] };
 */
export interface ICache {
  /** Stores `entry` under `key`. */
  set<T = unknown>(key: string, entry: T): MaybePromise<void>;
  /** The entry stored under `key`, or `undefined`. */
  get<T = unknown>(key: string): MaybePromise<T | undefined>;
  /** Removes the entry under `key`. */
  remove(key: string): MaybePromise<void>;
  /** Every key stored (needed for logout to clear the cache). */
  allKeys?(): MaybePromise<string[]>;
}

/**
 * Parameters sent to `/authorize`, as auth0-spa-js's `AuthorizationParams`; unknown keys are
 * sent as extra parameters.
 */
export interface AuthorizationParams {
  display?: 'page' | 'popup' | 'touch' | 'wap';
  prompt?: 'none' | 'login' | 'consent' | 'select_account';
  max_age?: string | number;
  ui_locales?: string;
  id_token_hint?: string;
  screen_hint?: 'signup' | 'login' | string;
  login_hint?: string;
  acr_values?: string;
  scope?: string;
  audience?: string;
  connection?: string;
  organization?: string;
  invitation?: string;
  redirect_uri?: string;
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
  [key: string]: any;
}

/**
 * Options of `Auth0Provider` / `createAuth0`: auth0-spa-js's `Auth0ClientOptions` with
 * **auth0's defaults** (tokens in memory, refresh tokens off, no iframe fallback when they
 * are on). Options Sesame has no use for are accepted and ignored; options it does not
 * support are typed `never` and throw a `TypeError` naming the Sesame way.
 */
export interface Auth0ClientOptions {
  /** The tenant's domain (`example.eu.auth0.com`), or an origin such as `http://127.0.0.1:4000`. */
  domain: string;
  clientId: string;
  /** Default `/authorize` parameters. Default scope `openid profile email`. Per-audience scope objects are not supported. */
  authorizationParams?: AuthorizationParams;
  /** Seconds of clock skew allowed, and how early a token counts as expired. Default 60. */
  leeway?: number;
  /** Default `memory`. See {@link CacheLocation}. */
  cacheLocation?: CacheLocation;
  /** A cache of your own instead of `cacheLocation`; it must have `allKeys()`. */
  cache?: ICache;
  /** Rotating refresh tokens (adds `offline_access`). Default `false`, as in auth0-spa-js. */
  useRefreshTokens?: boolean;
  /** With refresh tokens on, fall back to the `prompt=none` iframe when none works. Default `false`. */
  useRefreshTokensFallback?: boolean;
  /** Bound of the iframe and of popups. Default 60. */
  authorizeTimeoutInSeconds?: number;
  /** Bound of each HTTP request. Default 10. */
  httpTimeoutInSeconds?: number;
  /** The clock. Sesame's is synchronous: a function returning a promise throws a `TypeError`. */
  nowProvider?: () => number;
  /** Ignored: Sesame sets no cookies. */
  legacySameSiteCookie?: boolean;
  /** Ignored: Sesame keeps transactions in its own store, never in cookies. */
  useCookiesForTransactions?: boolean;
  /** Ignored: Sesame sets no `auth0.is.authenticated` cookie (its session check always asks). */
  sessionCheckExpiryDays?: number;
  /** Ignored: Sesame sets no cookies. */
  cookieDomain?: string;
  /** Ignored: Sesame always posts form data to `/oauth/token`. */
  useFormData?: boolean;
  /** Ignored: Sesame uses no web worker. */
  workerUrl?: string;
  /** Not supported: the issuer is `https://{domain}/`. For another OIDC provider use Sesame's `issuer` option (`@sesame/react`, `@sesame/vue`). */
  issuer?: never;
  /** Not supported: Sesame has no DPoP yet; omit it. */
  useDpop?: never;
  /** Not supported: Sesame keeps a refresh token per audience and scope; omit it. */
  useMrrt?: never;
  /** Not supported (needs DPoP); omit it. */
  refreshTokenMode?: never;
  /** Not supported: catch `MfaRequiredError` and use `withAuthenticationApi(client).mfa` from `@sesame/core/authentication`. */
  interactiveErrorHandler?: never;
  /** Not supported: Sesame has no anonymous sessions. */
  anonymousSessionsCacheMode?: never;
  /** Not supported: Sesame has no anonymous sessions. */
  createAnonymousSessionOnFailedSilentAuth?: never;
  /** Not supported: pass `session_transfer_token` in `authorizationParams` yourself. */
  sessionTransferTokenQueryParamName?: never;
  /** Not supported: pass `connection` in `authorizationParams`. */
  enterpriseConnect?: never;
  /** Not supported: pass the options of a ready auth0-spa-js client; a Sesame client of your own goes to `AuthProvider` / `createAuth` (`client`). */
  client?: never;
}

/** Options of `getAccessTokenSilently()`, as auth0-spa-js's `GetTokenSilentlyOptions`. */
export interface GetTokenSilentlyOptions {
  /** `on` (default), `off` (always ask the server), `cache-only` (resolve `undefined` without a valid stored token). */
  cacheMode?: 'on' | 'off' | 'cache-only';
  authorizationParams?: {
    redirect_uri?: string;
    scope?: string;
    audience?: string;
    // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
    [key: string]: any;
  };
  timeoutInSeconds?: number;
  /** Resolve `{ access_token, id_token, expires_in, scope, token_type }` instead of the token alone. */
  detailedResponse?: boolean;
}

/** Options of `revokeRefreshToken()`, as auth0-spa-js's `RevokeRefreshTokenOptions`. */
export interface RevokeRefreshTokenOptions {
  /** The API whose refresh token is revoked. Default: the client's `authorizationParams.audience`. */
  audience?: string;
}

/** What `getAccessTokenSilently({ detailedResponse: true })` resolves with. */
export interface GetTokenSilentlyVerboseResponse {
  id_token: string;
  token_type: string;
  access_token: string;
  expires_in: number;
  scope?: string;
}

/** Options of `loginWithRedirect()`, as auth0-spa-js's `RedirectLoginOptions` without `onRedirect` (use `openUrl`). */
export interface RedirectLoginOptions<TAppState = unknown> {
  authorizationParams?: AuthorizationParams;
  /** Returned by the redirect callback after the login. */
  appState?: TAppState;
  /** Replaces `location.assign(url)`, e.g. for a native shell. */
  openUrl?: (url: string) => Promise<void> | void;
  /** Not supported (a `TypeError`): Sesame builds the authorize URL itself. */
  fragment?: string;
}

/** Options of `loginWithPopup()`. */
export interface PopupLoginOptions {
  authorizationParams?: AuthorizationParams;
}

/** Options of `getAccessTokenWithPopup()`; `cacheMode` is accepted and the popup always opens. */
export interface GetTokenWithPopupOptions extends PopupLoginOptions {
  cacheMode?: 'on' | 'off' | 'cache-only';
}

/** How the popup is opened and how long it may stay open. */
export interface PopupConfigOptions {
  /** Default: `authorizeTimeoutInSeconds`. */
  timeoutInSeconds?: number;
  /** A window you opened synchronously in the click handler. */
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
  popup?: any;
  /** Sesame always closes the popup: `false` throws a `TypeError`. */
  closePopup?: boolean;
}

/** Options of `logout()`, as auth0-spa-js's `LogoutOptions` without `onRedirect` (use `openUrl`). */
export interface LogoutOptions {
  logoutParams?: {
    returnTo?: string;
    federated?: boolean;
    // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
    [key: string]: any;
  };
  /** Replaces `location.assign(url)`; `false` signs out locally only. */
  openUrl?: false | ((url: string) => Promise<void> | void);
  /** Not supported (a `TypeError`): Sesame's logout URL always names this client (Auth0 checks `returnTo` against it). */
  clientId?: string | null;
}

/** What the redirect callback resolves with. auth0-spa-js adds `response_type` (an enum), which Sesame omits. */
export interface RedirectLoginResult<TAppState = unknown> {
  appState?: TAppState;
}

/** The claims of the ID token, with the raw token in `__raw`, as auth0-spa-js's `IdToken`. */
export interface IdToken {
  __raw: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  middle_name?: string;
  nickname?: string;
  preferred_username?: string;
  profile?: string;
  picture?: string;
  website?: string;
  email?: string;
  email_verified?: boolean;
  gender?: string;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  phone_number?: string;
  phone_number_verified?: boolean;
  address?: string;
  updated_at?: string;
  iss?: string;
  aud?: string;
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  azp?: string;
  nonce?: string;
  auth_time?: string;
  at_hash?: string;
  c_hash?: string;
  acr?: string;
  amr?: string[];
  sub_jwk?: string;
  cnf?: string;
  sid?: string;
  org_id?: string;
  org_name?: string;
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
  [key: string]: any;
}
