import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import { tokenRequest } from '../oauth/tokenRequest.js';
import { validateAuthResponse } from '../oauth/validateAuthResponse.js';
import { acceptTokens } from '../tokens/acceptTokens.js';
import type { Transaction } from '../transactions/createTransactionStore.js';
import type { TokenResponse } from '../types.js';

/**
 * Completes an authorization response (redirect, popup or iframe): its state, its RFC 9207
 * `iss` and its error are checked, then the code is exchanged with the transaction's
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
  const code = validateAuthResponse(as, parameters, tx.state).get('code');
  if (!code?.trim()) throw new AuthError('invalid_response', 'the authorization response has no code');
  const response = await server.request((http) =>
    tokenRequest(
      as,
      ctx.config.clientId,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: tx.redirectUri,
        code_verifier: tx.codeVerifier,
      },
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
