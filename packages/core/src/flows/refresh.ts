import { None, refreshTokenGrantRequest } from 'oauth4webapi';
import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import { type StoredToken, tokenKey } from '../storage/createTokenStore.js';
import { acceptTokens, toTokenResponse } from '../tokens/acceptTokens.js';
import type { TokenResponse } from '../types.js';

/**
 * True while the access token is valid for more than the leeway. The leeway is at most a quarter
 * of the token's lifetime: a token that lives shorter than the leeway would be refreshed on every call.
 */
export function isFresh(ctx: ClientContext, token: StoredToken | undefined): token is StoredToken {
  if (token === undefined) return false;
  const leeway = Math.min(ctx.config.leeway * 1000, (token.expiresAt - (token.issuedAt ?? -Infinity)) / 4);
  return token.expiresAt - leeway > ctx.config.now();
}

/**
 * Refreshes the tokens of one audience and scope under the cross-tab lock
 * (`sesame:{clientId}:{audience}`). After acquiring it the store is read again: when another
 * tab has replaced the access token meanwhile, that token is used and nothing is sent.
 *
 * Each refresh-token value is sent at most once: when a request may have reached the server
 * without an answer (network error, timeout, 5xx) the token is kept but marked spent, since
 * the server may have rotated it; `invalid_grant` drops the tokens of that key in every tab.
 *
 * @param seen - The access token the caller found in the store before asking for the lock.
 * @returns The new tokens, or `undefined` when there is no usable refresh token.
 */
export function refresh(
  ctx: ClientContext,
  audience: string | undefined,
  scope: string,
  seen: string | undefined,
  signal: AbortSignal,
): Promise<TokenResponse | undefined> {
  const { config, tokens, server, sync } = ctx;
  const key = tokenKey(audience, scope);
  return ctx.lock.run(
    `sesame:${config.clientId}:${audience ?? ''}`,
    async () => {
      // From the storage, not the memory cache: another tab may have refreshed a moment ago.
      const entry = await tokens.readToken(key, true);
      if (isFresh(ctx, entry) && entry.accessToken !== seen) {
        return toTokenResponse(entry, await tokens.readSession(), config.now());
      }
      const refreshToken = entry?.refreshTokenSpent ? undefined : entry?.refreshToken;
      if (!entry || !refreshToken) return undefined;
      // Offline: fetch would fail before sending, so the token stays usable.
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        throw new AuthError('network_error', 'the browser is offline');
      }
      // Marks the token spent only if it is still stored: a logout meanwhile must not bring it back.
      const spend = async () => {
        const current = await tokens.readToken(key, true);
        if (current?.refreshToken === refreshToken)
          await tokens.writeToken(key, { ...current, refreshTokenSpent: true });
      };
      const as = await server.metadata();
      let response: Response;
      try {
        response = await server.request((http) =>
          refreshTokenGrantRequest(as, server.client(), None(), refreshToken, http),
        );
      } catch (error) {
        await spend();
        throw error;
      }
      if (response.status >= 500) await spend();
      try {
        return await acceptTokens(ctx, {
          response,
          grant: 'refresh_token',
          audience,
          scope,
          previousRefreshToken: refreshToken,
        });
      } catch (error) {
        if (error instanceof AuthError && error.code === 'invalid_grant') {
          await tokens.dropToken(key);
          sync.post({ type: 'update' });
        }
        throw error;
      }
    },
    signal,
  );
}
