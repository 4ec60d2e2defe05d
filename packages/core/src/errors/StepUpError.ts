import { AuthError } from './AuthError.js';

/**
 * An API refused a token that is valid but not enough (RFC 6750 §3.1, RFC 9470): it wants more
 * scope (`insufficient_scope`) or a stronger or more recent login (`insufficient_user_authentication`).
 * Log in again with what it asked for.
 *
 * @example
 * try { await api('/payments', { method: 'POST' }); }
 * catch (e) {
 *   if (e instanceof StepUpError) {
 *     await client.loginWithPopup({ authorizationParams: { scope: e.scope, acr_values: e.acrValues, max_age: e.maxAge } });
 *   }
 * }
 * @see [RFC 9470 - OAuth 2.0 Step Up Authentication Challenge Protocol](https://www.rfc-editor.org/rfc/rfc9470.html)
 */
export class StepUpError extends AuthError {
  /** `'StepUpError'`. */
  override name = 'StepUpError';
  /** The scope the API asked for (`insufficient_scope`). */
  readonly scope: string | undefined;
  /** The authentication context class(es) the API asked for (`insufficient_user_authentication`). */
  readonly acrValues: string | undefined;
  /** The most seconds since the user's login that the API accepts. */
  readonly maxAge: number | undefined;

  /**
   * Creates the error from an API's `WWW-Authenticate` challenge.
   *
   * @param code - The challenge's `error`.
   * @param asked - Its `error_description`, `scope`, `acr_values` and `max_age`.
   */
  constructor(
    code: 'insufficient_scope' | 'insufficient_user_authentication',
    asked: { description?: string; scope?: string; acrValues?: string; maxAge?: number },
  ) {
    super(code, asked.description);
    this.scope = asked.scope;
    this.acrValues = asked.acrValues;
    this.maxAge = asked.maxAge;
  }
}
