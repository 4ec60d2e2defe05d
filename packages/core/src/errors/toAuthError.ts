import { AuthorizationResponseError, OperationProcessingError, ResponseBodyError } from 'oauth4webapi';
import { AuthError } from './AuthError.js';
import { MfaRequiredError } from './MfaRequiredError.js';

/**
 * Turns whatever a request or a validation threw into an `AuthError` with a stable code.
 * oauth4webapi puts response bodies (tokens included) in `cause`; those causes are replaced
 * by a bare `Error` with the message so that logging an error never prints a token.
 */
export function toAuthError(error: unknown, signal?: AbortSignal): AuthError {
  if (error instanceof AuthError) return error;
  if (signal?.aborted || (error instanceof Error && /^(Abort|Timeout)Error$/.test(error.name))) {
    return new AuthError('timeout', 'the request did not complete in time');
  }
  if (error instanceof ResponseBodyError) {
    const { status, error: code, error_description: description } = error;
    if (status === 429) return new AuthError('rate_limited', description, { cause: error });
    if (code === 'mfa_required' && typeof error.cause.mfa_token === 'string') {
      return new MfaRequiredError(error.cause.mfa_token, description, { cause: error });
    }
    return new AuthError(status >= 500 ? 'server_error' : code, description, { cause: error });
  }
  if (error instanceof AuthorizationResponseError) {
    return new AuthError(error.error, error.error_description, { cause: error });
  }
  if (error instanceof OperationProcessingError) {
    return new AuthError('invalid_response', error.message, {
      cause: new Error(error.code ?? error.message),
    });
  }
  // A TypeError without a code is fetch failing (offline, DNS, CORS): nothing came back.
  if (error instanceof TypeError && !('code' in error)) {
    return new AuthError('network_error', 'the server could not be reached', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AuthError('invalid_response', message, { cause: error instanceof Error ? error : undefined });
}

/** Codes after which the same request may be tried again later; the session is kept. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'network_error',
  'timeout',
  'server_error',
  'rate_limited',
]);
