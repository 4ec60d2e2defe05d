import { AuthError } from '../errors/AuthError.js';

// auth0-spa-js's error classes, named and shaped as there (`error`, `error_description`, the
// same hierarchy), so `instanceof` checks and `e.error === 'login_required'` in an auth0 app
// keep working. Each is also a Sesame `AuthError` (`code` = `error`), and the original
// `AuthError` is the `cause`.

type Options = { cause?: unknown };

/**
 * The base of auth0-spa-js's errors: `error` is the OAuth or SDK error code,
 * `error_description` the sentence. Also an `AuthError` whose `code` is `error`.
 *
 * @example
 * catch (e) { if (e instanceof GenericError && e.error === 'login_required') await loginWithRedirect(); }
 */
export class GenericError extends AuthError {
  override name = 'GenericError';
  error: string;
  error_description: string;

  constructor(error: string, error_description: string, options?: Options) {
    super(error, error_description, options);
    // auth0-spa-js's message is the description alone; apps render `error.message`.
    this.message = error_description;
    this.error = error;
    this.error_description = error_description;
  }

  /** An error from an `{ error, error_description }` payload, as auth0-spa-js's. */
  static fromPayload({
    error,
    error_description,
  }: {
    error: string;
    error_description: string;
  }): GenericError {
    return new GenericError(error, error_description);
  }
}

/**
 * The redirect callback carried an error (`?error=...&state=...`), e.g. `access_denied`.
 * `appState` is not restored on failure: Sesame drops the transaction unread.
 *
 * @example
 * catch (e) { if (e instanceof AuthenticationError) show(e.error_description); }
 */
export class AuthenticationError extends GenericError {
  override name = 'AuthenticationError';
  state: string;
  // biome-ignore lint/suspicious/noExplicitAny: auth0-spa-js types it `any`
  appState: any;

  constructor(
    error: string,
    error_description: string,
    state: string,
    appState?: unknown,
    options?: Options,
  ) {
    super(error, error_description, options);
    this.state = state;
    this.appState = appState ?? null;
  }
}

/**
 * A silent authentication, a request or `getAccessTokenSilently` did not finish in time (`error: 'timeout'`).
 *
 * @example
 * catch (e) { if (e instanceof TimeoutError) retryLater(); }
 */
export class TimeoutError extends GenericError {
  override name = 'TimeoutError';
  constructor(options?: Options) {
    super('timeout', 'Timeout', options);
  }
}

/**
 * The login popup stayed open longer than `timeoutInSeconds`. `popup` is the window passed as
 * `config.popup`, if any (Sesame opens and closes its own otherwise).
 *
 * @example
 * catch (e) { if (e instanceof PopupTimeoutError) say('The login window timed out'); }
 */
export class PopupTimeoutError extends TimeoutError {
  override name = 'PopupTimeoutError';
  popup: Window;
  constructor(popup: Window, options?: Options) {
    super(options);
    this.popup = popup;
  }
}

/**
 * The user closed the login popup (`error: 'cancelled'`). `popup` as in {@link PopupTimeoutError}.
 *
 * @example
 * catch (e) { if (e instanceof PopupCancelledError) return; }
 */
export class PopupCancelledError extends GenericError {
  override name = 'PopupCancelledError';
  popup: Window;
  constructor(popup: Window, options?: Options) {
    super('cancelled', 'Popup closed', options);
    this.popup = popup;
  }
}

/**
 * The browser blocked the login popup (`error: 'popup_open'`): call `loginWithPopup` from a click.
 *
 * @example
 * catch (e) { if (e instanceof PopupOpenError) await loginWithRedirect(); }
 */
export class PopupOpenError extends GenericError {
  override name = 'PopupOpenError';
  constructor(options?: Options) {
    super('popup_open', 'Unable to open a popup for loginWithPopup - window.open returned `null`', options);
  }
}

/** What a `mfa_required` answer says is needed; Sesame does not pass it on, so it is empty. */
export interface MfaRequirements {
  enroll?: Array<{ type: string }>;
  challenge?: Array<{ type: string }>;
}

/**
 * The server wants a second factor (`error: 'mfa_required'`); `mfa_token` opens the MFA
 * endpoints (Sesame: `withAuthenticationApi(client).mfa`, or `@sesame/core/authentication`).
 *
 * @example
 * catch (e) { if (e instanceof MfaRequiredError) startMfa(e.mfa_token); }
 */
export class MfaRequiredError extends GenericError {
  override name = 'MfaRequiredError';
  mfa_token: string;
  mfa_requirements: MfaRequirements;
  constructor(
    error: string,
    error_description: string,
    mfa_token: string,
    mfa_requirements: MfaRequirements = {},
    options?: Options,
  ) {
    super(error, error_description, options);
    this.mfa_token = mfa_token;
    this.mfa_requirements = mfa_requirements;
  }
}

/**
 * Refresh tokens are on, none is stored for this audience and scope, and the iframe fallback
 * (`useRefreshTokensFallback`) is off (`error: 'missing_refresh_token'`).
 *
 * @example
 * catch (e) { if (e instanceof MissingRefreshTokenError) await loginWithRedirect(); }
 */
export class MissingRefreshTokenError extends GenericError {
  override name = 'MissingRefreshTokenError';
  audience: string;
  scope: string;
  constructor(audience: string, scope: string, options?: Options) {
    super(
      'missing_refresh_token',
      `Missing Refresh Token (audience: '${audience || 'default'}', scope: '${scope}')`,
      options,
    );
    this.audience = audience;
    this.scope = scope;
  }
}

/**
 * auth0-react's error for a rejection that was not an `Error`. Sesame only rejects with
 * errors, so, as in auth0-react with auth0-spa-js, the SDK itself throws the classes above.
 *
 * @example
 * const { error } = useAuth0();
 * if (error instanceof OAuthError) console.warn(error.error);
 */
export class OAuthError extends AuthError {
  override name = 'OAuthError';
  error: string;
  error_description?: string | undefined;
  constructor(error: string, error_description?: string) {
    super(error, error_description);
    this.message = error_description || error;
    this.error = error;
    this.error_description = error_description;
  }
}
