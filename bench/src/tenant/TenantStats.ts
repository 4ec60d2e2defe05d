import type { TenantStats as FullTenantStats } from '@sesame/tenant';

/**
 * The counters of the tenant's `GET /__dev/stats` that the benchmark reads: requests (CORS
 * preflights apart), requests per `METHOD /route`, token requests per `grant_type`,
 * refresh-token reuse detections and `invalid_grant` answers.
 */
export type TenantStats = Pick<
  FullTenantStats,
  'totalRequests' | 'preflightRequests' | 'endpoints' | 'grantTypes' | 'refreshTokenReuse' | 'invalidGrant'
>;

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
