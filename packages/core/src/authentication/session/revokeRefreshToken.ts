import { tokenKey } from '../../storage/createTokenStore.js';
import { checkObject } from '../http.js';
import { revokeRefreshToken as revokeRequest } from '../revoke.js';
import type { LoginTarget, Session } from './createSession.js';

/**
 * Revokes the stored refresh token of an audience and scope (default: the client's) at
 * `/oauth/revoke` and removes it from the store, in every tab. The access token stays usable until
 * it expires (it is a bearer token the server does not recall); after that `getTokenSilently()`
 * falls back to silent authentication, or rejects with `missing_refresh_token`. Runs under the same
 * cross-tab lock as a refresh, so it never races a rotation. Sends nothing when no refresh token is
 * stored. To end the whole session, use `logout()`.
 *
 * @throws {TypeError} naming a malformed option.
 * @throws {AuthError} `invalid_request`, `invalid_client`, `rate_limited`, `server_error`, `network_error`
 *   or `timeout` (the refresh token is then kept).
 * @see https://auth0.com/docs/api/authentication#revoke-refresh-token
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 * @example
 * await auth.revokeRefreshToken(); // e.g. "sign out of this device after the access token expires"
 */
export async function revokeRefreshToken(session: Session, options: LoginTarget = {}): Promise<void> {
  const { ctx, server } = session;
  const { audience, scope } = session.target(checkObject(options));
  const key = tokenKey(audience, scope);
  await session.client.isAuthenticated();
  await ctx.lock.run(`sesame:${ctx.config.clientId}:${audience ?? ''}`, async () => {
    const token = (await ctx.tokens.readToken(key))?.refreshToken;
    if (!token) return;
    await revokeRequest({ ...server, token });
    // Re-read: a logout meanwhile (in any tab) must not bring the access token back.
    const current = await ctx.tokens.readToken(key);
    if (current?.refreshToken !== token) return;
    await ctx.tokens.writeToken(key, { ...current, refreshToken: undefined, unanswered: undefined });
    ctx.sync.post({ type: 'update' });
  });
}
