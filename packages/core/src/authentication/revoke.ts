import { clientAuthentication, clientIdOf, endpoint, fields, send } from './http.js';
import type { GrantOptions } from './token.js';

/** Options of {@link revokeRefreshToken}: the seed's `POST /oauth/revoke` fields. */
export interface RevokeRefreshTokenOptions extends GrantOptions {
  /** The refresh token to revoke. */
  token: string;
}

/**
 * Revokes a refresh token (and, when the tenant's "Refresh Token Revocation Deletes Grant" is
 * on, every token of the same grant). The server answers 200 also for an unknown token, so a
 * resolved promise means "this token no longer works". A session made by `createAuthClient()`
 * forgets its tokens on `logout()`; this is for a refresh token the app holds itself.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} `invalid_request`, `invalid_client`, `unsupported_token_type`, `rate_limited`,
 *   `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#revoke-refresh-token
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 * @example
 * await revokeRefreshToken({ domain, clientId, token: tokens.refresh_token });
 */
export async function revokeRefreshToken(options: RevokeRefreshTokenOptions): Promise<void> {
  const target = endpoint(options, '/oauth/revoke');
  const body = {
    client_id: clientIdOf(options),
    ...fields(options, { token: 's' }),
    ...clientAuthentication(options),
  };
  await send(target, { json: body });
}
