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
  /** `'GenericError'`. */
  override name = 'GenericError';
  /**
   * The OAuth or SDK error code, e.g. `login_required`, `consent_required`, `timeout` (the same as `code`).
   */
  error: string;
  /** The server's `error_description`, or the SDK's sentence; also the `message`. */
  error_description: string;

  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param error - The error code (also `code`).
   * @param error_description - The sentence (also `message`).
   * @param options - `cause`: the underlying error.
   */
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
  /** `'AuthenticationError'`. */
  override name = 'AuthenticationError';
  /** The `state` of the failed authorization response. */
  state: string;
  /** Always `null`: Sesame drops a failed login's transaction unread (auth0-spa-js restores it). */
  // biome-ignore lint/suspicious/noExplicitAny: auth0-spa-js types it `any`
  appState: any;

  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param error - The `error` of the authorization response, e.g. `access_denied`.
   * @param error_description - Its `error_description`.
   * @param state - Its `state`.
   * @param appState - The login's app state, if known (`null` otherwise).
   * @param options - `cause`: the underlying error.
   */
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
  /** `'TimeoutError'`. */
  override name = 'TimeoutError';
  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param options - `cause`: the underlying error.
   */
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
  /** `'PopupTimeoutError'`. */
  override name = 'PopupTimeoutError';
  /** The window passed as `config.popup`, else `undefined` (typed `Window` as in auth0-spa-js). */
  popup: Window;
  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param popup - The popup window.
   * @param options - `cause`: the underlying error.
   */
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
  /** `'PopupCancelledError'`. */
  override name = 'PopupCancelledError';
  /** The window passed as `config.popup`, else `undefined` (typed `Window` as in auth0-spa-js). */
  popup: Window;
  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param popup - The popup window.
   * @param options - `cause`: the underlying error.
   */
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
  /** `'PopupOpenError'`. */
  override name = 'PopupOpenError';
  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param options - `cause`: the underlying error.
   */
  constructor(options?: Options) {
    super('popup_open', 'Unable to open a popup for loginWithPopup - window.open returned `null`', options);
  }
}

/** What a `mfa_required` answer says is needed; Sesame does not pass it on, so it is empty. */
export interface MfaRequirements {
  /** Factors the user must enrol, by `type`. */
  enroll?: Array<{
    /** The factor, e.g. `otp`, `sms`, `push-notification`. */
    type: string;
  }>;
  /** Factors the user can be challenged with, by `type`. */
  challenge?: Array<{
    /** The factor, e.g. `otp`, `sms`, `push-notification`. */
    type: string;
  }>;
}

/**
 * The server wants a second factor (`error: 'mfa_required'`); `mfa_token` opens the MFA
 * endpoints (Sesame: `withAuthenticationApi(client).mfa`, or `@sesame/core/authentication`).
 *
 * @example
 * catch (e) { if (e instanceof MfaRequiredError) startMfa(e.mfa_token); }
 */
export class MfaRequiredError extends GenericError {
  /** `'MfaRequiredError'`. */
  override name = 'MfaRequiredError';
  /**
   * The token that opens the MFA endpoints for this login (Auth0's `mfa_token`); short-lived.
   * @see https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa
   */
  mfa_token: string;
  /** What the server says is needed; `{}` from Sesame, which does not pass it on. */
  mfa_requirements: MfaRequirements;
  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param error - `mfa_required`.
   * @param error_description - The server's sentence.
   * @param mfa_token - The MFA token.
   * @param mfa_requirements - What is needed; default `{}`.
   * @param options - `cause`: the underlying error.
   */
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
  /** `'MissingRefreshTokenError'`. */
  override name = 'MissingRefreshTokenError';
  /** The audience asked for (`''` for the client's default). */
  audience: string;
  /** The scope asked for. */
  scope: string;
  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param audience - The audience asked for.
   * @param scope - The scope asked for.
   * @param options - `cause`: the underlying error.
   */
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
  /** `'OAuthError'`. */
  override name = 'OAuthError';
  /** The error code. */
  error: string;
  /** The sentence, when there is one; also the `message`. */
  error_description?: string | undefined;
  /**
   * Creates the error, with auth0-spa-js's constructor parameters.
   *
   * @param error - The error code (also `code`).
   * @param error_description - The sentence.
   */
  constructor(error: string, error_description?: string) {
    super(error, error_description);
    this.message = error_description || error;
    this.error = error;
    this.error_description = error_description;
  }
}
