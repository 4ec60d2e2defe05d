import { AuthError } from './AuthError.js';

/**
 * The cause put in an `AuthError`: it names the problem and holds nothing else. A thrown error
 * may carry what it rejected (a library's error, a response), and a logger prints a cause chain
 * in full, so no original error is ever kept (security properties 2 and 8).
 */
const causeOf = (problem: string) => ({ cause: new Error(problem) });

/**
 * Turns whatever a request or a validation threw into an `AuthError` with a stable code and a
 * cause that holds no response data (see `causeOf`).
 */
export function toAuthError(error: unknown, signal?: AbortSignal): AuthError {
  if (error instanceof AuthError) return error;
  if (signal?.aborted || (error instanceof Error && /^(Abort|Timeout)Error$/.test(error.name))) {
    return new AuthError('timeout', 'the request did not complete in time');
  }
  if (!(error instanceof Error)) return new AuthError('invalid_response', String(error));
  const { code } = error as { code?: unknown };
  // A TypeError without a code is fetch failing (offline, DNS, CORS): nothing came back.
  if (error instanceof TypeError && code === undefined) {
    return new AuthError('network_error', 'the server could not be reached', causeOf(error.message));
  }
  // Anything else (a WebCrypto or parsing failure): its message names no value.
  return new AuthError(
    'invalid_response',
    error.message,
    causeOf(typeof code === 'string' ? code : error.name),
  );
}

/** Codes after which the same request may be tried again later; the session is kept. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'network_error',
  'timeout',
  'server_error',
  'rate_limited',
]);
