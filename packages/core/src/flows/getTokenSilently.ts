import { joinScopes } from '../config/resolveConfig.js';
import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import { type StoredSession, type StoredToken, tokenKey } from '../storage/createTokenStore.js';
import { toTokenResponse } from '../tokens/acceptTokens.js';
import type { GetTokenSilentlyOptions, TokenResponse } from '../types.js';
import { withTimeout } from '../util/withTimeout.js';
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
      if (config.useRefreshTokens) {
        try {
          const refreshed = await refresh(ctx, audience, scope, seen, signal);
          if (refreshed) return refreshed;
        } catch (error) {
          // invalid_grant falls back to the iframe; without it, the user must log in again.
          if (!(error instanceof AuthError && error.code === 'invalid_grant')) throw error;
          if (!config.silentAuth)
            throw new AuthError('login_required', 'the refresh token is no longer valid', { cause: error });
        }
      }
      if (config.silentAuth) return silentIframe(ctx, audience, scope, timeoutMs, signal);
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
