import type { TenantRoute } from './TenantRoute.js';

/** Spread into a route that exists only with `dev: true`. */
export const devOnly = { enabled: (tenant: { config: { dev: boolean } }) => tenant.config.dev };

/** `GET /__dev/stats`: the request counters as {@link TenantStats} JSON. Only with `dev: true`. */
export const devStats: TenantRoute = {
  ...devOnly,
  method: 'GET',
  path: '/__dev/stats',
  handle(ctx, tenant) {
    ctx.set('cache-control', 'no-store');
    ctx.set('access-control-allow-origin', '*');
    ctx.body = tenant.stats.snapshot();
  },
};

/**
 * `POST /__dev/reset`: zeroes the counters and drops every session, interaction, grant,
 * code and token, and removes the `/__dev/faults` faults; users, applications and keys stay. Answers 204. Only with `dev: true`.
 */
export const devReset: TenantRoute = {
  ...devOnly,
  method: 'POST',
  path: '/__dev/reset',
  handle(ctx, tenant) {
    tenant.stats.reset();
    tenant.models.clear();
    tenant.auth0.reset();
    tenant.faults.clear();
    ctx.set('access-control-allow-origin', '*');
    ctx.status = 204;
  },
};
