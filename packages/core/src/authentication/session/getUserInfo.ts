import { AuthError } from '../../errors/AuthError.js';
import type { User } from '../../types.js';
import { checkObject } from '../http.js';
import { getUserInfo as userInfoRequest } from '../userInfo.js';
import type { LoginTarget, Session } from './createSession.js';

/**
 * The signed-in user's profile from `/userinfo`, fetched with the access token of
 * `getTokenSilently()` (the stored one while it is valid): as `Authorization: Bearer`, or, for a
 * DPoP-bound token (the `dpop` option), as `Authorization: DPoP` with a proof of the client's key
 * (`htm` GET, `htu`, `ath`; see `resourceFetch`). It is used only if its `sub` equals the ID token's (security
 * property 4). Nothing is stored.
 *
 * @param options - The audience and scope of the access token to send (default: the client's).
 * @throws {TypeError} naming a malformed option.
 * @throws {AuthError} `invalid_response` (a `sub` other than the ID token's, or none), the errors of
 *   `getTokenSilently()` (`login_required`, ...), `invalid_token`, `rate_limited`, `server_error`,
 *   `network_error` or `timeout`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse
 * @example
 * const profile = await auth.getUserInfo();
 * console.log(profile.email_verified);
 */
export async function getUserInfo(session: Session, options: LoginTarget = {}): Promise<User> {
  const { ctx, client, server } = session;
  const { audience, scope } = session.target(checkObject(options));
  const token = await client.getTokenSilently({
    authorizationParams: { audience, scope },
    detailedResponse: true,
  });
  const proofs = token.token_type?.toLowerCase() === 'dpop' ? ctx.server.dpop : undefined;
  // The proofs' wrapper is loaded for a bound token only: apps without DPoP never load it.
  const fetch = proofs
    ? (await import('../../dpop/resourceFetch.js')).resourceFetch(
        proofs,
        ctx.config.fetch,
        token.access_token,
      )
    : ctx.config.fetch;
  const user = await userInfoRequest({
    domain: server.domain,
    fetch,
    timeoutInSeconds: server.timeoutInSeconds,
    access_token: token.access_token,
  });
  const stored = await ctx.tokens.readSession();
  if (!stored) throw new AuthError('login_required', 'the session ended');
  if (user.sub !== stored.claims.sub)
    throw new AuthError('invalid_response', '/userinfo answered for another user than the ID token');
  return user;
}
