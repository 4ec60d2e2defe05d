import type { Auth0Stores } from '../auth0Stores.js';
import type { MfaTransaction } from './MfaStore.js';

/** Why an `mfa_token` was refused: Auth0's error and description. */
export type MfaTokenProblem = { error: string; description: string };

/**
 * Looks up an `mfa_token` for `clientId`.
 *
 * @returns the transaction, or Auth0's `expired_token` / `invalid_grant` answer.
 */
export function mfaTransaction(
  auth0: Auth0Stores,
  token: string,
  clientId: string | undefined,
): MfaTransaction | MfaTokenProblem {
  const transaction = auth0.mfa.transaction(token);
  if (!transaction) return { error: 'invalid_grant', description: 'Malformed mfa_token' };
  if (clientId !== undefined && transaction.clientId !== clientId) {
    return { error: 'invalid_grant', description: 'mfa_token was issued to another application' };
  }
  return transaction;
}

export const isProblem = (value: MfaTransaction | MfaTokenProblem): value is MfaTokenProblem =>
  'error' in value;
