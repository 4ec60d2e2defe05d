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
  /** How the login page is displayed (OIDC `display`); Auth0's Universal Login ignores it. */
  display?: 'page' | 'popup' | 'touch' | 'wap';
  /**
   * OIDC `prompt`: `login` forces the login page, `consent` the consent page, `none` fails rather than show
   * a page, `select_account` asks for an account.
   * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
   */
  prompt?: 'none' | 'login' | 'consent' | 'select_account';
  /**
   * Seconds since the last authentication beyond which the user must log in again; the ID token's
   * `auth_time` is checked against it.
   */
  max_age?: string | number;
  /** Space-separated BCP 47 language tags for the login page (OIDC `ui_locales`). */
  ui_locales?: string;
  /** A previous ID token, as a hint of the user (OIDC `id_token_hint`); sent as given. */
  id_token_hint?: string;
  /** Auth0 Universal Login: `signup` opens the sign-up page. */
  screen_hint?: 'signup' | 'login' | string;
  /** Email or username to prefill the login page (OIDC `login_hint`). */
  login_hint?: string;
  /** Space-separated ACR values to ask for (OIDC `acr_values`), e.g. an MFA policy. */
  acr_values?: string;
  /**
   * Space-separated scopes; `openid` is always added, `offline_access` with refresh tokens. Default `openid
   * profile email`. A string only (a `TypeError` for auth0-spa-js's per-audience object).
   */
  scope?: string;
  /** The API (its identifier) the access token is for (Auth0's `audience`). */
  audience?: string;
  /** The Auth0 connection to log in with, skipping the choice on the login page. */
  connection?: string;
  /** Auth0 Organizations: the organization id (`org_…`) or name to log in to. */
  organization?: string;
  /** Auth0 Organizations: the invitation id from an invitation link. */
  invitation?: string;
  /**
   * Where the server sends the browser back (OAuth 2.0 `redirect_uri`); an Allowed Callback URL. Default:
   * the page's origin.
   */
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
  /** The application's Client ID (OAuth 2.0 `client_id`). */
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
  /** `audience` and `scope` select the token; other keys are not read. */
  authorizationParams?: {
    /** Accepted as in auth0-spa-js; Sesame does not read it. */
    redirect_uri?: string;
    /** Scopes added to the client's for this token. */
    scope?: string;
    /** The API the token is for. Default: the client's `authorizationParams.audience`. */
    audience?: string;
    // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
    [key: string]: any;
  };
  /** Bound of the whole call, in seconds. Default: `authorizeTimeoutInSeconds` (60). */
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
  /** The session's ID token (a JWT); `''` when none is stored. */
  id_token: string;
  /** `Bearer`, or `DPoP` for a bound token. */
  token_type: string;
  /** The access token. */
  access_token: string;
  /** Seconds until the access token expires, from now. */
  expires_in: number;
  /** The scopes granted, when the server said so. */
  scope?: string;
}

/** Options of `loginWithRedirect()`, as auth0-spa-js's `RedirectLoginOptions` without `onRedirect` (use `openUrl`). */
export interface RedirectLoginOptions<TAppState = unknown> {
  /** `/authorize` parameters for this login, over the client's. */
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
  /** `/authorize` parameters for this login, over the client's. */
  authorizationParams?: AuthorizationParams;
}

/** Options of `getAccessTokenWithPopup()`; `cacheMode` is accepted and the popup always opens. */
export interface GetTokenWithPopupOptions extends PopupLoginOptions {
  /** Accepted as in auth0-spa-js, which ignores it too: the popup always opens. */
  cacheMode?: 'on' | 'off' | 'cache-only';
}

/** How the popup is opened and how long it may stay open. */
export interface PopupConfigOptions {
  /** Default: `authorizeTimeoutInSeconds`. */
  timeoutInSeconds?: number;
  /** A window you opened synchronously in the click handler. */
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
  popup?: any;
  /** `false`: the popup is left open for the app to close. Default: closed once the login has its answer. */
  closePopup?: boolean;
}

/** Options of `logout()`, as auth0-spa-js's `LogoutOptions` without `onRedirect` (use `openUrl`). */
export interface LogoutOptions {
  /** Parameters of `/v2/logout`; unknown keys are passed through. */
  logoutParams?: {
    /** Where Auth0 sends the browser after the logout; an Allowed Logout URL. */
    returnTo?: string;
    /** Also log out of the identity provider (Auth0's `federated`). */
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
  /** The `appState` passed to `loginWithRedirect()`. */
  appState?: TAppState;
}

/** The claims of the ID token, with the raw token in `__raw`, as auth0-spa-js's `IdToken`. */
export interface IdToken {
  /** The ID token itself (a JWT). */
  __raw: string;
  /** Full name. */
  name?: string;
  /** Given (first) name. */
  given_name?: string;
  /** Family (last) name. */
  family_name?: string;
  /** Middle name. */
  middle_name?: string;
  /** Casual name. */
  nickname?: string;
  /** The name the user prefers to be called by (not unique). */
  preferred_username?: string;
  /** URL of the user's profile page. */
  profile?: string;
  /** URL of the user's profile picture. */
  picture?: string;
  /** URL of the user's web page or blog. */
  website?: string;
  /** Preferred email address (with the `email` scope). */
  email?: string;
  /** True when the issuer has verified `email`. */
  email_verified?: boolean;
  /** Gender. */
  gender?: string;
  /** Birthday, `YYYY-MM-DD` (or `YYYY`). */
  birthdate?: string;
  /** Time zone, e.g. `Europe/Paris`. */
  zoneinfo?: string;
  /** Locale, a BCP 47 tag such as `fr-CA`. */
  locale?: string;
  /** Preferred telephone number (with the `phone` scope). */
  phone_number?: string;
  /** True when the issuer has verified `phone_number`. */
  phone_number_verified?: boolean;
  /** Postal address, as auth0-spa-js types it (a string). */
  address?: string;
  /** When the profile last changed, as Auth0 sends it (ISO 8601). */
  updated_at?: string;
  /** Issuer (checked by Sesame before the claims are used). */
  iss?: string;
  /** Audience: this client's `clientId` (checked). */
  aud?: string;
  /** Expiry, seconds since the epoch (checked with `leeway`). */
  exp?: number;
  /** Not before, seconds since the epoch. */
  nbf?: number;
  /** Issue time, seconds since the epoch. */
  iat?: number;
  /** The token's unique identifier. */
  jti?: string;
  /** Authorized party: this client's `clientId` when present (checked). */
  azp?: string;
  /** The login's nonce (checked to equal the one sent). */
  nonce?: string;
  /**
   * When the user authenticated, seconds since the epoch (a number in the token; auth0-spa-js types it a
   * string).
   */
  auth_time?: string;
  /** Hash of the access token issued with it (OIDC Core §3.1.3.8). */
  at_hash?: string;
  /** Hash of the authorization code (hybrid flow; unused by the code flow). */
  c_hash?: string;
  /** Authentication Context Class Reference: the assurance level the login met. */
  acr?: string;
  /** Authentication methods used, e.g. `["pwd", "mfa"]`. */
  amr?: string[];
  /** Self-issued OpenID Providers' key (unused by Auth0). */
  sub_jwk?: string;
  /** Confirmation claim (RFC 7800). */
  cnf?: string;
  /** The server's session id (OIDC Front-/Back-Channel Logout). */
  sid?: string;
  /** The Auth0 organization's id the user logged in to. */
  org_id?: string;
  /** The Auth0 organization's name the user logged in to. */
  org_name?: string;
  // biome-ignore lint/suspicious/noExplicitAny: as auth0-spa-js
  [key: string]: any;
}
