import type { Middleware } from 'koa';
import type { Adapter, KoaContextWithOIDC } from 'oidc-provider';
import type { ResolvedApplication, ResolvedTenantConfig } from '../config/types.js';
import { auth0Routes } from './auth0Routes.js';

/** An application's resolved refresh-token settings. */
export type RefreshTokenSettings = ResolvedApplication['refresh_token'];

/**
 * The refresh-token settings of `clientId`; a dynamically registered application (not in the
 * config) rotates, with the tenant's lifetime.
 */
export function refreshTokenSettingsOf(
  config: ResolvedTenantConfig,
  clientId: string | undefined,
): RefreshTokenSettings {
  const app = config.clients.find((candidate) => candidate.client_id === clientId);
  return (
    app?.refresh_token ?? {
      rotation_type: 'rotating',
      leeway: 0,
      token_lifetime: config.ttl.refreshToken,
      idle_token_lifetime: undefined,
    }
  );
}

/**
 * The lifetime in seconds of a refresh token being saved: what is left of the absolute
 * lifetime since the login (`iiat`, kept across rotations), and no more than the inactivity
 * lifetime (a rotated token is a new use). At least one second, as oidc-provider wants.
 *
 * @param iiat - when the first token of the chain was issued, epoch seconds.
 * @param now - epoch seconds.
 */
export function refreshTokenTtl(
  settings: RefreshTokenSettings,
  iiat: number | undefined,
  now: number,
): number {
  const absolute = settings.token_lifetime - (now - (iiat ?? now));
  return Math.max(1, Math.min(absolute, settings.idle_token_lifetime ?? Number.POSITIVE_INFINITY));
}

/**
 * Wraps oidc-provider's `RefreshToken` storage for Auth0's reuse interval: a rotated (consumed)
 * token is found as unspent for `leeway` seconds after its first rotation, so presenting it
 * again rotates again instead of revoking the grant; after that, reuse detection applies. The
 * time of the first rotation is kept (a reuse does not extend the interval).
 *
 * @param leewayOf - the reuse interval in seconds of an application.
 * @param now - the clock, epoch milliseconds.
 */
export function withReuseInterval(
  adapter: Adapter,
  leewayOf: (clientId: unknown) => number,
  now: () => number = Date.now,
): Adapter {
  return {
    ...adapter,
    async find(id) {
      const payload = await adapter.find(id);
      if (typeof payload?.consumed !== 'number') return payload;
      const spentFor = Math.floor(now() / 1000) - payload.consumed;
      return spentFor < leewayOf(payload.clientId) ? { ...payload, consumed: undefined } : payload;
    },
    async consume(id) {
      if (typeof (await adapter.find(id))?.consumed === 'number') return;
      await adapter.consume(id);
    },
  };
}

/**
 * Refreshes of a `non-rotating` application answer no `refresh_token` (the one the client
 * holds stays valid), as Auth0's do.
 */
export function nonRotatingRefreshResponse(config: ResolvedTenantConfig): Middleware {
  return async (ctx, next) => {
    await next();
    const oidc = (ctx as unknown as Partial<KoaContextWithOIDC>).oidc;
    if (ctx.path !== auth0Routes.token || ctx.status !== 200 || oidc?.params?.grant_type !== 'refresh_token')
      return;
    if (refreshTokenSettingsOf(config, oidc.client?.clientId).rotation_type !== 'non-rotating') return;
    delete (ctx.body as { refresh_token?: unknown }).refresh_token;
  };
}
