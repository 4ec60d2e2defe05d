import type { AuthError } from './errors/AuthError.js';

/**
 * Claims of the signed-in user, from the validated ID token (and, when asked for, `/userinfo`).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
 */
export interface User {
  /** Subject: the user's identifier at the issuer, unique and never reassigned (OIDC Core §5.1). */
  sub: string;
  /** Full name (OIDC standard claim). */
  name?: string;
  /** Given (first) name (OIDC standard claim). */
  given_name?: string;
  /** Family (last) name (OIDC standard claim). */
  family_name?: string;
  /** Casual name; Auth0 fills it from the email's local part when nothing else is known. */
  nickname?: string;
  /** URL of the user's profile picture. */
  picture?: string;
  /** Preferred email address; present with the `email` scope. */
  email?: string;
  /** True when the issuer has verified `email`. */
  email_verified?: boolean;
  /** When the profile last changed, as Auth0 sends it (an ISO 8601 string). */
  updated_at?: string;
  [claim: string]: unknown;
}

/** Validated claims of the current ID token, with the raw token in `__raw`. */
export interface IdTokenClaims extends User {
  /** Issuer: checked to equal the client's issuer (`https://{domain}/` in Auth0 mode). */
  iss: string;
  /** Audience: checked to contain this client's `clientId`. */
  aud: string | string[];
  /** Expiry, in seconds since the epoch; checked against the client's clock with `leeway`. */
  exp: number;
  /** Issue time, in seconds since the epoch; refused when more than `leeway` in the future. */
  iat: number;
  /** The login's nonce; checked to equal the one the login sent (OIDC Core §3.1.3.7). */
  nonce?: string;
  /**
   * When the user last authenticated, in seconds since the epoch; checked against `max_age` when a login
   * sent one.
   */
  auth_time?: number;
  /** Authorized party: when present, checked to be this client's `clientId`. */
  azp?: string;
  /**
   * The Auth0 organization the user logged in to; checked to equal `organization` when a login sent an
   * `org_…` id.
   */
  org_id?: string;
  /** The ID token itself (a JWT), as auth0-spa-js's `__raw`; never logged or put in a URL. */
  __raw: string;
}

/**
 * What the app renders from: the auth state at one moment. `getSnapshot()` returns the
 * same object until the state changes, so React's `useSyncExternalStore` and Vue's
 * `shallowRef` re-render only on a real change.
 */
export interface AuthSnapshot {
  /** `loading` until the stored session has been read (and a redirect callback handled). */
  readonly status: 'loading' | 'authenticated' | 'unauthenticated';
  /** The signed-in user's claims, or `undefined` when not `authenticated`. */
  readonly user: User | undefined;
  /** The last error of a login, callback or session check; cleared by the next success. */
  readonly error: AuthError | undefined;
}

/** Parameters sent to `/authorize`. Unknown keys are passed through as extra parameters. */
export interface AuthorizationParams {
  /**
   * Where the server sends the browser back with the authorization response (OAuth 2.0 `redirect_uri`);
   * must be an Allowed Callback URL of the application. Default: the page's origin.
   * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2
   */
  redirect_uri?: string;
  /**
   * Auth0: the API (its identifier) the access token is for; without it Auth0 issues a token for
   * `/userinfo` only. In OIDC mode it is sent only when set.
   * @see https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens
   */
  audience?: string;
  /**
   * Space-separated scopes. `openid` is always added, and `offline_access` with refresh tokens. Default
   * `openid profile email`.
   */
  scope?: string;
  /**
   * Auth0 Organizations: the organization id (`org_…`) or name to log in to; an `org_…` id is checked
   * against the ID token's `org_id`.
   * @see https://auth0.com/docs/manage-users/organizations
   */
  organization?: string;
  /** Auth0 Organizations: the invitation id from an invitation link (sent with `organization`). */
  invitation?: string;
  /**
   * OIDC `prompt`: `login` forces the login page, `consent` the consent page, `none` fails instead of
   * showing any page (silent authentication uses it).
   * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
   */
  prompt?: 'none' | 'login' | 'consent' | 'select_account' | (string & {});
  /**
   * Seconds since the last authentication beyond which the user must log in again; the ID token's
   * `auth_time` is then checked against it (OIDC `max_age`).
   */
  max_age?: number;
  /** Space-separated BCP 47 language tags for the login page (OIDC `ui_locales`). */
  ui_locales?: string;
  /** Auth0: the connection to log in with (e.g. `google-oauth2`), skipping the choice on the login page. */
  connection?: string;
  /** Auth0 Universal Login: `signup` opens the sign-up page instead of the login page. */
  screen_hint?: string;
  /** The user's email or username, to prefill the login page (OIDC `login_hint`). */
  login_hint?: string;
  [param: string]: string | number | undefined;
}

/** Options of `loginWithRedirect()`. */
export interface RedirectLoginOptions<TAppState = unknown> {
  /** `/authorize` parameters for this login, merged over the client's `authorizationParams`. */
  authorizationParams?: AuthorizationParams;
  /** Any JSON value; returned by `handleRedirectCallback()` after the login. */
  appState?: TAppState;
  /** Navigates to the authorize URL; defaults to `location.assign`. */
  openUrl?: (url: string) => void | Promise<void>;
}

/** Result of `handleRedirectCallback()`. */
export interface RedirectLoginResult<TAppState = unknown> {
  /** The `appState` passed to `loginWithRedirect()`, or `undefined`. */
  appState?: TAppState;
}

/** Options of `loginWithPopup()` and `getTokenWithPopup()`. */
export interface PopupLoginOptions {
  /** `/authorize` parameters for this login, merged over the client's `authorizationParams`. */
  authorizationParams?: AuthorizationParams;
}

/** How the popup is opened and how long it may stay open. */
export interface PopupConfigOptions {
  /** A window the caller opened synchronously in the click handler (iOS blocks later opens). */
  popup?: Window;
  /** Default: the client's `authorizeTimeoutInSeconds`. */
  timeoutInSeconds?: number;
  /**
   * `false`: the popup is left open whatever the outcome, for the app to close or reuse (as
   * auth0-spa-js's `closePopup: false`). Default: Sesame closes it once the login has its answer,
   * failed or timed out.
   */
  closePopup?: boolean;
}

/** Options of `getTokenSilently()`. */
export interface GetTokenSilentlyOptions {
  /** Only `audience` and `scope` are read: they select the token (each pair is stored apart) and go to the refresh or silent request. */
  authorizationParams?: Pick<AuthorizationParams, 'audience' | 'scope'> & AuthorizationParams;
  /** `on` (default): store first; `off`: always ask the server; `cache-only`: never ask the server. */
  cacheMode?: 'on' | 'off' | 'cache-only';
  /** Resolve with the whole token response instead of the access token alone. */
  detailedResponse?: boolean;
  /**
   * Bound of the whole call (store, refresh, iframe), in seconds. Default: the client's
   * `authorizeTimeoutInSeconds` (60).
   */
  timeoutInSeconds?: number;
}

/** What `getTokenSilently({ detailedResponse: true })` resolves with. */
export interface TokenResponse {
  /** The access token (a JWT for an Auth0 API, else opaque). */
  access_token: string;
  /** The session's ID token (a JWT), when one is stored. */
  id_token?: string;
  /** `Bearer`, or `DPoP` for a token bound to the client's DPoP key. */
  token_type: string;
  /** The scopes granted, when the server said so (RFC 6749 §5.1). */
  scope?: string;
  /** Seconds until the access token expires, from now. */
  expires_in: number;
}

/** Options of `logout()`. */
export interface LogoutOptions {
  /** Parameters of the logout URL; unknown string keys are passed through. */
  logoutParams?: {
    /**
     * Where the server sends the browser after logging out; must be an Allowed Logout URL. Auth0's
     * `returnTo`, OIDC's `post_logout_redirect_uri`. Default: the server's choice.
     */
    returnTo?: string;
    /**
     * Auth0 only: also log out of the identity provider (`federated`), where it supports that.
     * @see https://auth0.com/docs/authenticate/login/logout/log-users-out-of-idps
     */
    federated?: boolean;
    [param: string]: string | boolean | undefined;
  };
  /** Navigates to the logout URL; `false` clears the local session only. Default: `location.assign`. */
  openUrl?: false | ((url: string) => void | Promise<void>);
}

/** A listener of the auth-state store; read the new state with `getSnapshot()`. */
export type AuthListener = () => void;

/**
 * Where the session is kept. Values are structured-cloneable objects; `clear()` removes
 * everything the client wrote (used by `logout()`). Pass one as `storage` to replace IndexedDB.
 *
 * @example
 * const map = new Map<string, unknown>();
 * const storage: AuthStorage = {
 *   get: async (key) => map.get(key) as never,
 *   set: async (key, value) => void map.set(key, value),
 *   del: async (key) => void map.delete(key),
 *   clear: async () => map.clear(),
 * };
 */
export interface AuthStorage {
  /** The value stored under `key`, or `undefined` when there is none. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores a structured-cloneable `value` under `key`, replacing any previous one. */
  set(key: string, value: unknown): Promise<void>;
  /** Removes the value under `key`; nothing happens when there is none. */
  del(key: string): Promise<void>;
  /** Removes every value of this client. */
  clear(): Promise<void>;
  /**
   * Optional: reads `keys`, then writes the entries `change` returns for those values (`undefined`
   * removes one), as one atomic operation; resolves with the values read. The IndexedDB storage does
   * it in one transaction (a refresh's read and write-ahead record, the session and its tokens).
   * Without it, Sesame calls `get`, then `set` and `del`.
   */
  update?(
    keys: readonly string[],
    change?: (values: unknown[]) => Record<string, unknown> | undefined,
  ): Promise<unknown[]>;
}

/**
 * A lock shared by every tab: runs `task` while holding the lock called `name` and
 * releases it when the task settles. The default uses `navigator.locks.request()`.
 * When `signal` aborts before the lock is acquired, `run` rejects and `task` never runs.
 *
 * @example
 * const lock: AuthLock = { run: (name, task, signal) => navigator.locks.request(name, { signal }, task) };
 */
export interface AuthLock {
  /** Runs `task` while holding the lock `name`; resolves or rejects as the task does. */
  run<T>(name: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * What `dpop()` of `@sesame/core/dpop` returns, for the `dpop` option of `createAuthClient()`.
 * Opaque: make it with `dpop()`, never by hand.
 */
export interface DpopOption {
  /** Makes one client's DPoP key handling (called once, by `createAuthClient()`). */
  readonly create: (
    config: { readonly clientId: string; readonly now: () => number; readonly random: () => string },
    storage: AuthStorage,
    lock: AuthLock,
  ) => unknown;
}

/**
 * Options of `createAuthClient()`. Give either `domain` (Auth0 mode) or `issuer` (OIDC mode).
 *
 * @example
 * createAuthClient({ domain: 'example.eu.auth0.com', clientId: 'abc', authorizationParams: { redirect_uri: location.origin } });
 */
export interface AuthClientOptions {
  /**
   * Auth0 mode: a tenant domain such as `example.eu.auth0.com` (issuer `https://{domain}/`),
   * or a full origin such as `http://127.0.0.1:4000` for the local tenant. Known endpoints, no discovery.
   */
  domain?: string;
  /**
   * OIDC mode: the issuer identifier. Its discovery document is fetched once and kept in `storage`
   * as long as the answer's `Cache-Control` allows (`max-age`; nothing with `no-store` or
   * `no-cache`; one hour without `max-age`; one day at most), for this issuer only.
   */
  issuer?: string;
  /** The application's Client ID (OAuth 2.0 `client_id`): a public client, so no secret. */
  clientId: string;
  /** Default parameters of every `/authorize` request. Default scope: `openid profile email`. */
  authorizationParams?: AuthorizationParams;
  /** Use refresh tokens (rotating) and ask for `offline_access`. Default: `true`. */
  useRefreshTokens?: boolean;
  /** Fall back to a hidden `prompt=none` iframe when there is no usable refresh token. Default: `true`. */
  silentAuth?: boolean;
  /**
   * Sender-constrained tokens with DPoP (RFC 9449): `dpop: dpop()`, with `dpop` from
   * `@sesame/core/dpop` (a subpath, so apps without DPoP do not carry its code). The client then
   * makes one ES256 key pair that script cannot export (`extractable: false`), keeps it in its
   * storage (IndexedDB; for the page only where IndexedDB is unavailable), and proves possession
   * of it in every token request, so the server binds the access and refresh tokens to it: a token
   * copied out of this browser is refused elsewhere. The key is deleted on logout in every tab.
   * Call APIs with `createFetcher()` from `@sesame/core/fetcher`, which adds the proof each request
   * needs. A server that answers with Bearer tokens fails with `configuration_error`.
   *
   * @see [RFC 9449](https://www.rfc-editor.org/rfc/rfc9449.html)
   */
  dpop?: DpopOption;
  /** Seconds before expiry at which a stored access token counts as expired, and clock tolerance. Default: 60. */
  leeway?: number;
  /** Bound of the silent-auth iframe and of popups. Default: 60. */
  authorizeTimeoutInSeconds?: number;
  /** Bound of each HTTP request. Default: 10. */
  httpTimeoutInSeconds?: number;
  /** `indexeddb` (default; memory when IndexedDB is unavailable), `memory`, or your own store. */
  storage?: 'indexeddb' | 'memory' | AuthStorage;
  /** The fetch used for every request. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** The clock, in milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
  /** The cross-tab lock. Default: Web Locks, or an in-tab mutex where they are missing. */
  lock?: AuthLock;
  /** A fresh random URL-safe string (≥ 43 characters) per call, for state, nonce and PKCE. */
  random?: () => string;
}

/**
 * A Sesame client: one per authorization server and client id. Created by `createAuthClient()`.
 * Every promise it returns settles within the configured bounds (`httpTimeoutInSeconds` per
 * request, `authorizeTimeoutInSeconds` for iframes and popups), with locks released. Errors
 * are `AuthError`s with a stable `code`; bad arguments throw a `TypeError` naming them.
 *
 * @example
 * const auth = createAuthClient({ domain: 'example.eu.auth0.com', clientId: 'abc' });
 * auth.subscribe(() => render(auth.getSnapshot()));
 * if (new URLSearchParams(location.search).has('state')) await auth.handleRedirectCallback();
 */
export interface AuthClient {
  /**
   * Calls `listener` after every change of the snapshot. The first subscriber starts the
   * cross-tab listener; the last one to leave stops it.
   * @returns The function that unsubscribes `listener`.
   */
  subscribe(listener: AuthListener): () => void;
  /** The current state; the same frozen object until the state changes (`useSyncExternalStore`-ready). */
  getSnapshot(): AuthSnapshot;
  /**
   * Stores a transaction (state, nonce, PKCE verifier, appState) in IndexedDB and sends the
   * browser to `/authorize`.
   * @example await auth.loginWithRedirect({ appState: { returnTo: location.pathname } });
   */
  loginWithRedirect<TAppState = unknown>(options?: RedirectLoginOptions<TAppState>): Promise<void>;
  /**
   * Completes a redirect login from the callback URL (default: the current location): removes
   * the response from the address bar, consumes the transaction of its `state` once, checks
   * `iss`, exchanges the code and validates the ID token.
   * @throws {AuthError} `invalid_state` (unknown or replayed state; nothing is sent), the
   *   server's error (`access_denied`, ...), `invalid_response`, or a network/timeout error.
   * @example const { appState } = await auth.handleRedirectCallback();
   */
  handleRedirectCallback<TAppState = unknown>(url?: string): Promise<RedirectLoginResult<TAppState>>;
  /**
   * Signs in through a popup (`response_mode=web_message`). Call it from a click handler, or
   * pass a window you opened synchronously there as `config.popup` (iOS blocks later opens).
   * @throws {AuthError} `popup_blocked`, `popup_closed`, `timeout`, or the server's error.
   * @example button.onclick = () => auth.loginWithPopup();
   */
  loginWithPopup(options?: PopupLoginOptions, config?: PopupConfigOptions): Promise<void>;
  /**
   * An access token for `audience`/`scope`: from the store while it is valid (minus the leeway),
   * else from the refresh token (under the cross-tab lock), else from a `prompt=none` iframe.
   * Concurrent calls for the same audience and scope share one request.
   * @throws {AuthError} `login_required`, `consent_required`, `missing_refresh_token`, `mfa_required`
   *   (`MfaRequiredError`), or a retryable `network_error` / `timeout` / `server_error` / `rate_limited`
   *   (the session is kept).
   * @example const token = await auth.getTokenSilently({ authorizationParams: { audience: 'https://api.example' } });
   */
  getTokenSilently(options: GetTokenSilentlyOptions & { detailedResponse: true }): Promise<TokenResponse>;
  /** The access token alone (see the overload above for what it does and throws). */
  getTokenSilently(options?: GetTokenSilentlyOptions): Promise<string>;
  /**
   * An access token obtained through a popup, e.g. to consent to a new audience.
   * @throws {AuthError} as `loginWithPopup()`.
   */
  getTokenWithPopup(options?: PopupLoginOptions, config?: PopupConfigOptions): Promise<string>;
  /**
   * Tries to restore or renew the session silently, e.g. on page load. Resolves without a
   * session on `login_required`, `consent_required`, `interaction_required` and
   * `missing_refresh_token`; sends nothing when there is no stored session and silent auth is off.
   * @throws {AuthError} a retryable error (the session is kept and the error published).
   */
  checkSession(options?: GetTokenSilentlyOptions): Promise<void>;
  /** Whether a session (a validated ID token) is stored. */
  isAuthenticated(): Promise<boolean>;
  /** The signed-in user's claims, without protocol claims (iss, aud, exp, nonce, ...). */
  getUser(): Promise<User | undefined>;
  /** The validated ID-token claims, with the raw token in `__raw`. */
  getIdTokenClaims(): Promise<IdTokenClaims | undefined>;
  /**
   * Removes every token, the user and every transaction from memory and storage, in every tab;
   * then, unless `openUrl` is `false`, goes to `/v2/logout` (Auth0 mode) or the
   * `end_session_endpoint` (OIDC mode, with `client_id`; no token goes into the URL).
   * @example await auth.logout({ logoutParams: { returnTo: location.origin } });
   */
  logout(options?: LogoutOptions): Promise<void>;
}
