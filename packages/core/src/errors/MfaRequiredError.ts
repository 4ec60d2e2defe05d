import { AuthError } from './AuthError.js';

/**
 * The server wants a second factor before it issues tokens (`mfa_required`). Pass `mfaToken`
 * to the MFA endpoints to continue.
 *
 * @example
 * catch (e) { if (e instanceof MfaRequiredError) startMfa(e.mfaToken); }
 */
export class MfaRequiredError extends AuthError {
  /** `'MfaRequiredError'`. */
  override name = 'MfaRequiredError';
  /** The `mfa_token` of the server's response, for the MFA challenge and grants. */
  readonly mfaToken: string;

  /**
   * Creates the error with code `mfa_required`.
   *
   * @param mfaToken - The server's `mfa_token`.
   * @param description - The server's `error_description`.
   * @param options - `cause`: the underlying error.
   */
  constructor(mfaToken: string, description?: string, options?: { cause?: unknown }) {
    super('mfa_required', description, options);
    this.mfaToken = mfaToken;
  }
}
