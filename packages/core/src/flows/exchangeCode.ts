import { authorizationCodeGrantRequest, None, validateAuthResponse } from 'oauth4webapi';
import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import { toAuthError } from '../errors/toAuthError.js';
import { acceptTokens } from '../tokens/acceptTokens.js';
import type { Transaction } from '../transactions/createTransactionStore.js';
import type { TokenResponse } from '../types.js';

/**
 * Completes an authorization response (redirect, popup or iframe): oauth4webapi checks its
 * state, its RFC 9207 `iss` and its error, then the code is exchanged with the transaction's
 * PKCE verifier and the tokens go through `acceptTokens`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
export async function exchangeCode(
  ctx: ClientContext,
  tx: Transaction,
  parameters: URLSearchParams,
): Promise<TokenResponse> {
  const { server } = ctx;
  const as = await server.metadata();
  if (tx.issuer !== as.issuer) throw new AuthError('invalid_state', 'the transaction is for another issuer');
  let callback: URLSearchParams;
  try {
    callback = validateAuthResponse(as, server.client(), parameters, tx.state);
  } catch (error) {
    throw toAuthError(error);
  }
  // oauth4webapi refuses an empty code, but would send one of spaces.
  if (!callback.get('code')?.trim())
    throw new AuthError('invalid_response', 'the authorization response has no code');
  const response = await server.request((http) =>
    authorizationCodeGrantRequest(
      as,
      server.client(),
      None(),
      callback,
      tx.redirectUri,
      tx.codeVerifier,
      http,
    ),
  );
  return acceptTokens(ctx, {
    response,
    grant: 'authorization_code',
    audience: tx.audience,
    scope: tx.scope,
    nonce: tx.nonce,
    ...(tx.maxAge !== undefined && { maxAge: tx.maxAge }),
    ...(tx.organization !== undefined && { organization: tx.organization }),
  });
}
