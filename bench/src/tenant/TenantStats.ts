/**
 * The counters of the tenant's `GET /__dev/stats` that the benchmark reads (a subset of
 * `@sesame/tenant`'s `TenantStats`).
 */
export interface TenantStats {
  /** Every request except CORS preflights and `/__dev/*`. */
  totalRequests: number;
  preflightRequests: number;
  /** Requests per `METHOD /route`. */
  endpoints: Record<string, number>;
  /** Token endpoint requests per `grant_type`, successful or not. */
  grantTypes: Record<string, number>;
  /** Rotated refresh tokens presented again. */
  refreshTokenReuse: number;
  /** Token endpoint answers with `invalid_grant`, reuse included. */
  invalidGrant: number;
}

/** What happened at the tenant between two {@link TenantStats} snapshots. */
export interface TenantDelta {
  /** All requests, CORS preflights included: each is a round trip the app waits for. */
  requests: number;
  preflights: number;
  tokenRequests: number;
  refreshGrants: number;
  reuse: number;
  invalidGrant: number;
}

/** The difference `after - before` of two snapshots. */
export function tenantDelta(before: TenantStats, after: TenantStats): TenantDelta {
  const grant = (stats: TenantStats, type: string) => stats.grantTypes[type] ?? 0;
  const endpoint = (stats: TenantStats, route: string) => stats.endpoints[route] ?? 0;
  return {
    requests:
      after.totalRequests + after.preflightRequests - (before.totalRequests + before.preflightRequests),
    preflights: after.preflightRequests - before.preflightRequests,
    tokenRequests: endpoint(after, 'POST /oauth/token') - endpoint(before, 'POST /oauth/token'),
    refreshGrants: grant(after, 'refresh_token') - grant(before, 'refresh_token'),
    reuse: after.refreshTokenReuse - before.refreshTokenReuse,
    invalidGrant: after.invalidGrant - before.invalidGrant,
  };
}
