import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import { RETRYABLE_CODES, toAuthError } from '../errors/toAuthError.js';
import { tokenRequest } from '../oauth/tokenRequest.js';
import { type StoredToken, tokenKey } from '../storage/createTokenStore.js';
import { acceptTokens, toTokenResponse } from '../tokens/acceptTokens.js';
import type { TokenResponse } from '../types.js';
import { retryAt } from './retryAt.js';

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
 * What a refresh brought: tokens; `missing` (no refresh token stored); `doubt` (the stored one
 * was sent and its answer lost: the server may have rotated it, so it is sent again only with
 * `resend`); or the `AuthError` that killed the grant (`invalid_grant`, or a 200 answer the client
 * could not accept, which spent the token).
 */
export type RefreshResult = TokenResponse | 'missing' | 'doubt' | AuthError;

/**
 * Refreshes the tokens of one audience and scope under the cross-tab lock
 * (`sesame:{clientId}:{audience}`). After acquiring it the store is read again: when another
 * tab has replaced the access token meanwhile, that token is used and nothing is sent.
 *
 * A refresh token is given up only when the server proves it dead: `invalid_grant`, or a 200
 * (even one the client rejects: the server has rotated the token). A 5xx, 429 or other error
 * answer keeps it; so do a network error, a timeout or offline, but the token is then in doubt.
 * Before sending, the attempt is recorded in storage (`unanswered`), so another tab never
 * takes a token whose answer went missing with this tab for an unused one. Failures set a
 * back-off in the store (`Retry-After` honoured), so no tab sends again before it ends.
 *
 * @param seen - The access token the caller found in the store before asking for the lock.
 * @param resend - Send a token that is in doubt (when no path that avoids it worked).
 * @throws {AuthError} retryable codes (`network_error`, `timeout`, `server_error`, `rate_limited`),
 *   and the server's other error answers; the refresh token is then kept.
 */
export function refresh(
  ctx: ClientContext,
  audience: string | undefined,
  scope: string,
  seen: string | undefined,
  signal: AbortSignal,
  resend = false,
): Promise<RefreshResult> {
  const { config, tokens, server, sync } = ctx;
  const key = tokenKey(audience, scope);
  return ctx.lock.run(
    `sesame:${config.clientId}:${audience ?? ''}`,
    async () => {
      const as = await server.metadata();
      // From the storage, not the memory cache: another tab may have refreshed a moment ago. The
      // re-read and the write-ahead record share one transaction; `stop` is what ends the refresh
      // instead of a request (an error is thrown).
      let stop: RefreshResult | undefined;
      const [, stored] = await tokens.readBoth(key, (entry, session) => {
        const wait = (entry?.retry?.at ?? 0) - config.now();
        if (isFresh(ctx, entry) && entry.accessToken !== seen) {
          stop = toTokenResponse(entry, session, config.now());
        } else if (!entry?.refreshToken) {
          stop = 'missing';
        } else if (entry.unanswered && !resend) {
          stop = 'doubt';
        } else if (wait > 0) {
          stop = new AuthError(entry.retry!.code, `retry in ${Math.ceil(wait / 1000)} s`);
        } else if (typeof navigator !== 'undefined' && navigator.onLine === false) {
          // Offline: fetch would fail before sending, so the token stays as it is.
          stop = new AuthError('network_error', 'the browser is offline');
        } else {
          // Write-ahead: if this tab dies or never stores the answer, the others see the token in doubt.
          return { ...entry, unanswered: (entry.unanswered ?? 0) + 1 };
        }
        return undefined;
      });
      if (stop instanceof AuthError) throw stop;
      if (stop) return stop;
      // Without `stop`, the entry was stored with its write-ahead record: it has a refresh token.
      const entry = stored!;
      const refreshToken = entry.refreshToken!;
      // Updates the entry only if it still holds this token: a logout or rotation meanwhile wins.
      const settle = async (change: Partial<StoredToken>) => {
        const current = await tokens.readToken(key, true);
        if (current?.refreshToken !== refreshToken) return false;
        await tokens.writeToken(key, { ...current, ...change });
        return true;
      };
      const retry = (code: string, response?: Response) => retryAt(config.now(), entry.retry, code, response);
      let response: Response;
      try {
        response = await server.request((http) =>
          tokenRequest(
            as,
            config.clientId,
            { grant_type: 'refresh_token', refresh_token: refreshToken },
            http,
          ),
        );
      } catch (error) {
        // No answer: the server may or may not have used the token; it stays in doubt.
        await settle({ retry: retry((error as AuthError).code) });
        throw error;
      }
      try {
        return await acceptTokens(ctx, {
          response,
          grant: 'refresh_token',
          audience,
          scope,
          previousRefreshToken: refreshToken,
        });
      } catch (caught) {
        const error = toAuthError(caught);
        if (response.ok) {
          // The server answered with tokens, so it has rotated this one: never present it again.
          // If even that write fails (quota), the deletion frees space. A session ended meanwhile
          // has nothing left to renew: the error is thrown, not a dead grant's.
          const spent = settle({ refreshToken: undefined, unanswered: undefined, retry: undefined });
          if (await spent.catch(() => tokens.dropToken(key).then(() => true))) return error;
          throw error;
        }
        if (error.code === 'invalid_grant') {
          await tokens.dropToken(key);
          sync.post({ type: 'update' });
          return error;
        }
        // An error answer issued no tokens: this request spent nothing (an earlier lost one may have).
        await settle({
          unanswered: entry.unanswered,
          retry: RETRYABLE_CODES.has(error.code) ? retry(error.code, response) : entry.retry,
        });
        throw error;
      }
    },
    signal,
  );
}
