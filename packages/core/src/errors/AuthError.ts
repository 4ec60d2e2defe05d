/**
 * Stable error codes. Compare `error.code` with these, never the message.
 * Server error codes (`login_required`, `consent_required`, `invalid_grant`, ...) are kept as sent.
 */
export type AuthErrorCode =
  | 'login_required'
  | 'consent_required'
  | 'interaction_required'
  | 'invalid_state'
  | 'invalid_grant'
  | 'invalid_response'
  | 'timeout'
  | 'popup_closed'
  | 'popup_blocked'
  | 'mfa_required'
  | 'missing_refresh_token'
  | 'network_error'
  | 'server_error'
  | 'rate_limited'
  /**
   * The session's storage (IndexedDB) failed an operation, also after a retry: nothing was
   * reported as stored. Retryable; `logout()` rejects with it after clearing memory and telling
   * the other tabs, when the stored session could not be removed.
   */
  | 'storage_error'
  /**
   * The authorization server's page loaded in the silent-auth iframe but sent no answer: an
   * unknown `clientId`, a `redirect_uri` or web origin the application does not allow, or an
   * unreachable issuer. Fix the configuration; retrying does not help.
   */
  | 'configuration_error'
  | (string & {});

/**
 * The one error class of Sesame. `code` is stable; `description` is the server's
 * `error_description` when there is one; `cause` is the underlying error.
 * Messages never contain token values.
 *
 * @example
 * try { await client.getTokenSilently(); }
 * catch (e) { if (e instanceof AuthError && e.code === 'login_required') await client.loginWithRedirect(); }
 */
export class AuthError extends Error {
  /** The class name (`'AuthError'`, or a subclass's), as `Error.name`. */
  override name = 'AuthError';
  /** The stable error code: compare with this, never with the message. See {@link AuthErrorCode}. */
  readonly code: AuthErrorCode;
  /**
   * The server's `error_description`, or Sesame's sentence; `undefined` when there is none. Never holds a
   * token.
   */
  readonly description: string | undefined;

  /**
   * Creates the error; the message is `code: description`.
   *
   * @param code - The stable code.
   * @param description - The server's `error_description` or a sentence.
   * @param options - `cause`: the underlying error.
   */
  constructor(code: AuthErrorCode, description?: string, options?: { cause?: unknown }) {
    super(description ? `${code}: ${description}` : code, options);
    this.code = code;
    this.description = description;
  }
}
