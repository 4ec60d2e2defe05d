import { joinScopes } from '../config/resolveConfig.js';
import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import { RETRYABLE_CODES } from '../errors/toAuthError.js';
import { type StoredSession, type StoredToken, tokenKey } from '../storage/createTokenStore.js';
import { toTokenResponse } from '../tokens/acceptTokens.js';
import type { GetTokenSilentlyOptions, TokenResponse } from '../types.js';
import { withTimeout } from '../util/withTimeout.js';
import { endSession } from './endSession.js';
import { isFresh, refresh } from './refresh.js';
import { silentIframe } from './silentIframe.js';

const CACHE_MODES = new Set(['on', 'off', 'cache-only']);

/**
 * Makes `getTokenSilently` for a client: the store, then a refresh token (under the cross-tab
 * lock), then a `prompt=none` iframe. Concurrent calls for the same audience and scope share
 * one request. Bounded by `timeoutInSeconds` (default: `authorizeTimeoutInSeconds`).
 */
export function createTokenGetter(ctx: ClientContext) {
  const inflight = new Map<string, Promise<TokenResponse>>();
  const keys = new Map<string, [scope: string, key: string]>();
  const { config, tokens } = ctx;

  const fetchNew = (
    audience: string | undefined,
    scope: string,
    seen: string | undefined,
    timeoutMs: number,
  ) =>
    withTimeout(timeoutMs, async (signal) => {
      const iframe = () => silentIframe(ctx, audience, scope, timeoutMs, signal);
      if (config.useRefreshTokens) {
        let result = await refresh(ctx, audience, scope, seen, signal);
        let iframeFailed = false;
        if (result === 'doubt') {
          // The last answer was lost: first a path that does not present that token; else present
          // it again (a server with a reuse interval accepts it; one without has ended the grant).
          if (config.silentAuth) {
            try {
              return await iframe();
            } catch {
              iframeFailed = true;
            }
          }
          result = await refresh(ctx, audience, scope, seen, signal, true);
        }
        if (result instanceof AuthError) {
          // The grant is dead: the iframe may still work; if it cannot, the session is over everywhere.
          if (!config.silentAuth || iframeFailed) throw await endSession(ctx, result);
          return iframe().catch(async (error: AuthError) => {
            throw RETRYABLE_CODES.has(error.code) ? error : await endSession(ctx, error);
          });
        }
        if (typeof result === 'object') return result;
      }
      if (config.silentAuth) return iframe();
      throw config.useRefreshTokens
        ? new AuthError('missing_refresh_token', 'no usable refresh token for this audience and scope')
        : new AuthError('login_required', 'no valid token in the store and silent authentication is off');
    });

  return async (options: GetTokenSilentlyOptions = {}): Promise<TokenResponse> => {
    if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
    const cacheMode = options.cacheMode ?? 'on';
    if (!CACHE_MODES.has(cacheMode))
      throw new TypeError('"options.cacheMode" must be "on", "off" or "cache-only"');
    const timeoutMs =
      options.timeoutInSeconds === undefined ? config.authorizeTimeoutMs : options.timeoutInSeconds * 1000;
    if (!(timeoutMs >= 0)) throw new TypeError('"options.timeoutInSeconds" must be a number ≥ 0');
    const audience = options.authorizationParams?.audience ?? config.authorizationParams.audience;
    // Scope and store key computed once per audience and scope asked for: this is a hot path.
    const asked = `${audience} ${options.authorizationParams?.scope}`;
    let scopeAndKey = keys.get(asked);
    if (!scopeAndKey) {
      const joined = joinScopes(config.authorizationParams.scope, options.authorizationParams?.scope);
      scopeAndKey = [joined, tokenKey(audience, joined)];
      keys.set(asked, scopeAndKey);
    }
    const [scope, key] = scopeAndKey;
    // The cache hit reads the memory cache synchronously: no await on the hot path of every API call.
    const stored = tokens.peek<StoredToken>(key) ?? (await tokens.readToken(key));
    if (cacheMode !== 'off' && isFresh(ctx, stored)) {
      const session = tokens.peek<StoredSession>('session') ?? (await tokens.readSession());
      return toTokenResponse(stored, session, config.now());
    }
    if (cacheMode === 'cache-only')
      throw new AuthError('login_required', 'no valid token in the store (cache-only)');
    let pending = inflight.get(key);
    if (!pending) {
      pending = fetchNew(audience, scope, stored?.accessToken, timeoutMs).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  };
}
