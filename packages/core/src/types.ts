import type { AuthError } from './errors/AuthError.js';

/**
 * Claims of the signed-in user, from the validated ID token (and, when asked for, `/userinfo`).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
 */
export interface User {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  nickname?: string;
  picture?: string;
  email?: string;
  email_verified?: boolean;
  updated_at?: string;
  [claim: string]: unknown;
}

/** Validated claims of the current ID token, with the raw token in `__raw`. */
export interface IdTokenClaims extends User {
  iss: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nonce?: string;
  auth_time?: number;
  azp?: string;
  org_id?: string;
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
  readonly user: User | undefined;
  /** The last error of a login, callback or session check; cleared by the next success. */
  readonly error: AuthError | undefined;
}

/** Parameters sent to `/authorize`. Unknown keys are passed through as extra parameters. */
export interface AuthorizationParams {
  redirect_uri?: string;
  audience?: string;
  scope?: string;
  organization?: string;
  invitation?: string;
  prompt?: 'none' | 'login' | 'consent' | 'select_account' | (string & {});
  max_age?: number;
  ui_locales?: string;
  connection?: string;
  screen_hint?: string;
  login_hint?: string;
  [param: string]: string | number | undefined;
}

/** Options of `loginWithRedirect()`. */
export interface RedirectLoginOptions<TAppState = unknown> {
  authorizationParams?: AuthorizationParams;
  /** Any JSON value; returned by `handleRedirectCallback()` after the login. */
  appState?: TAppState;
  /** Navigates to the authorize URL; defaults to `location.assign`. */
  openUrl?: (url: string) => void | Promise<void>;
}

/** Result of `handleRedirectCallback()`. */
export interface RedirectLoginResult<TAppState = unknown> {
  appState?: TAppState;
}

/** Options of `loginWithPopup()` and `getTokenWithPopup()`. */
export interface PopupLoginOptions {
  authorizationParams?: AuthorizationParams;
}

/** How the popup is opened and how long it may stay open. */
export interface PopupConfigOptions {
  /** A window the caller opened synchronously in the click handler (iOS blocks later opens). */
  popup?: Window;
  /** Default: the client's `authorizeTimeoutInSeconds`. */
  timeoutInSeconds?: number;
}

/** Options of `getTokenSilently()`. */
export interface GetTokenSilentlyOptions {
  authorizationParams?: Pick<AuthorizationParams, 'audience' | 'scope'> & AuthorizationParams;
  /** `on` (default): store first; `off`: always ask the server; `cache-only`: never ask the server. */
  cacheMode?: 'on' | 'off' | 'cache-only';
  /** Resolve with the whole token response instead of the access token alone. */
  detailedResponse?: boolean;
  timeoutInSeconds?: number;
}

/** What `getTokenSilently({ detailedResponse: true })` resolves with. */
export interface TokenResponse {
  access_token: string;
  id_token?: string;
  token_type: string;
  scope?: string;
  /** Seconds until the access token expires, from now. */
  expires_in: number;
}

/** Options of `logout()`. */
export interface LogoutOptions {
  logoutParams?: {
    returnTo?: string;
    federated?: boolean;
    [param: string]: string | boolean | undefined;
  };
  /** Navigates to the logout URL; `false` clears the local session only. Default: `location.assign`. */
  openUrl?: false | ((url: string) => void | Promise<void>);
}

/** A listener of the auth-state store; read the new state with `getSnapshot()`. */
export type AuthListener = () => void;
