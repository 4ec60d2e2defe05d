/**
 * The JSON `GET /__dev/stats` answers. Requests to `/__dev/*` are not counted; CORS
 * preflights are counted only in `preflightRequests`.
 *
 * @example
 * ```json
 * { "since": "2026-11-21T13:00:00.000Z", "totalRequests": 7, "preflightRequests": 1,
 *   "endpoints": { "GET /authorize": 2, "GET /login/:uid": 1, "POST /login/:uid": 1,
 *                  "GET /authorize/:uid": 1, "POST /oauth/token": 2 },
 *   "grantTypes": { "authorization_code": 1, "refresh_token": 1 },
 *   "refreshTokenReuse": 0, "invalidGrant": 0, "faultsInjected": 0 }
 * ```
 */
export interface TenantStats {
  /** When counting started (tenant start or the last reset), ISO 8601. */
  since: string;
  /** Every request except CORS preflights and `/__dev/*`. */
  totalRequests: number;
  /** `OPTIONS` requests with `Access-Control-Request-Method`. */
  preflightRequests: number;
  /** Requests per `METHOD /route` (path parameters as `:name`; unmatched paths as `METHOD (unmatched)`). */
  endpoints: Record<string, number>;
  /** Token endpoint requests per `grant_type` (successful or not; `(none)` when missing). */
  grantTypes: Record<string, number>;
  /** Rotated refresh tokens presented again (each one revoked its grant). */
  refreshTokenReuse: number;
  /** Token endpoint responses with `error: invalid_grant` (reuse included). */
  invalidGrant: number;
  /** Requests that got a `/__dev/faults` fault (they appear nowhere else). */
  faultsInjected: number;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The tenant's counters, behind `/__dev/stats` and `/__dev/reset`. */
export class StatsRecorder {
  #stats: TenantStats = StatsRecorder.#empty();

  static #empty(): TenantStats {
    return {
      since: new Date().toISOString(),
      totalRequests: 0,
      preflightRequests: 0,
      endpoints: {},
      grantTypes: {},
      refreshTokenReuse: 0,
      invalidGrant: 0,
      faultsInjected: 0,
    };
  }

  /** Counts a request to `route` (e.g. `POST /oauth/token`). */
  request(route: string): void {
    this.#stats.totalRequests += 1;
    bump(this.#stats.endpoints, route);
  }

  /** Counts a CORS preflight. */
  preflight(): void {
    this.#stats.preflightRequests += 1;
  }

  /** Counts a token request of a grant type. */
  grant(grantType: string): void {
    bump(this.#stats.grantTypes, grantType);
  }

  /** Counts an `invalid_grant` answer, and whether it was a refresh-token reuse. */
  invalidGrant(reuse: boolean): void {
    this.#stats.invalidGrant += 1;
    if (reuse) this.#stats.refreshTokenReuse += 1;
  }

  /** Counts a request answered (or dropped) by an injected fault. */
  faultInjected(): void {
    this.#stats.faultsInjected += 1;
  }

  /** A copy of the counters. */
  snapshot(): TenantStats {
    return structuredClone(this.#stats);
  }

  /** Zeroes the counters. */
  reset(): void {
    this.#stats = StatsRecorder.#empty();
  }
}
