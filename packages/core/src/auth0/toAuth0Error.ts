import { AuthError } from '../errors/AuthError.js';
import { MfaRequiredError as SesameMfaRequiredError } from '../errors/MfaRequiredError.js';
import {
  AuthenticationError,
  GenericError,
  MfaRequiredError,
  MissingRefreshTokenError,
  OAuthError,
  PopupCancelledError,
  PopupOpenError,
  PopupTimeoutError,
  TimeoutError,
} from './errors.js';

/** Where an error happened, for the classes that depend on it. */
export interface Auth0ErrorContext {
  /** `popup`: a timeout is a `PopupTimeoutError`; `callback`: a server error is an `AuthenticationError`. */
  operation?: 'popup' | 'callback' | 'token';
  /** The popup window the caller passed, put on the popup errors. */
  popup?: Window;
  /** The callback's `state`, put on an `AuthenticationError`. */
  state?: string;
  /** Whether the callback's URL carried `error=` (a server error, so an `AuthenticationError`). */
  callbackError?: boolean;
  /** The audience asked for, put on a `MissingRefreshTokenError`. */
  audience?: string;
  /** The scope asked for, put on a `MissingRefreshTokenError`. */
  scope?: string;
}

// Sesame codes that auth0-spa-js spells differently.
const RENAMED: Record<string, string> = {
  invalid_state: 'missing_transaction',
};

// One compat error per Sesame error, so `catch (e)` and `useAuth0().error` hold the same object.
const converted = new WeakMap<AuthError, AuthError>();

function convert(error: AuthError, context: Auth0ErrorContext): AuthError {
  const options = { cause: error };
  const description = error.description ?? error.message;
  const popup = context.popup as Window;
  switch (error.code) {
    case 'timeout':
      return context.operation === 'popup'
        ? new PopupTimeoutError(popup, options)
        : new TimeoutError(options);
    case 'popup_closed':
      return new PopupCancelledError(popup, options);
    case 'popup_blocked':
      return new PopupOpenError(options);
    case 'missing_refresh_token':
      return new MissingRefreshTokenError(context.audience ?? '', context.scope ?? '', options);
  }
  if (error instanceof SesameMfaRequiredError) {
    return new MfaRequiredError(error.code, description, error.mfaToken, {}, options);
  }
  if (context.operation === 'callback' && context.callbackError) {
    return new AuthenticationError(error.code, description, context.state ?? '', undefined, options);
  }
  return new GenericError(RENAMED[error.code] ?? error.code, description, options);
}

/**
 * Turns a Sesame `AuthError` into the auth0-spa-js class an auth0 app checks for
 * (`TimeoutError`, `PopupCancelledError`, `MfaRequiredError`, `MissingRefreshTokenError`,
 * `AuthenticationError`, else `GenericError`), with the original as `cause`. The same
 * error converts to the same object every time. Anything else is returned as it is.
 *
 * @example
 * try { await client.getTokenSilently(); } catch (e) { throw toAuth0Error(e, { operation: 'token' }); }
 */
export function toAuth0Error(error: unknown, context: Auth0ErrorContext = {}): unknown {
  if (!(error instanceof AuthError) || error instanceof GenericError || error instanceof OAuthError)
    return error;
  let result = converted.get(error);
  if (!result) {
    result = convert(error, context);
    converted.set(error, result);
  }
  return result;
}
