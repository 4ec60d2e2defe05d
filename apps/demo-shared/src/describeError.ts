import { AuthError } from '@sesame/core';
import { ApiError } from './api';

/** An error as a person reads it: a sentence, and the code a developer searches for. */
export interface ErrorMessage {
  code: string;
  message: string;
}

const explanations: Record<string, string> = {
  invalid_state:
    'This sign-in response does not belong to a login started here: it may be stale, replayed or tampered with. Nobody was signed in.',
  popup_closed: 'The login window was closed before the sign-in finished.',
  popup_blocked: 'The browser blocked the login window. Allow pop-ups for this page, or use “Log in”.',
  login_required: 'Your session at the authorization server has ended. Please log in again.',
  missing_refresh_token: 'There is no refresh token to renew the session with. Please log in again.',
  network_error: 'The authorization server could not be reached. Is the tenant running?',
  timeout: 'The authorization server took too long to answer. Try again.',
  mfa_required: 'This account needs a second factor to finish signing in.',
};

/** Turns an `AuthError`, an `ApiError` or anything else into a readable message. */
export function describeError(error: unknown): ErrorMessage {
  if (error instanceof AuthError) {
    const message = explanations[error.code] ?? error.description ?? error.message;
    return { code: error.code, message };
  }
  if (error instanceof ApiError) return { code: `HTTP ${error.status}`, message: error.message };
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return { code: 'network', message: 'The demo API could not be reached. Is it running?' };
  }
  return { code: 'error', message: error instanceof Error ? error.message : String(error) };
}
