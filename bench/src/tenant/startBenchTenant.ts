import { startTenant } from '@sesame/tenant';
import type { TenantStats } from './TenantStats.js';

/** The tenant as the benchmark uses it. */
export interface BenchTenant {
  /** Issuer, with the trailing slash: `http://127.0.0.1:41234/` (a free port). */
  issuer: string;
  origin: string;
  clientId: string;
  audience: string;
  /** A snapshot of `GET /__dev/stats`. */
  stats(): Promise<TenantStats>;
  stop(): Promise<void>;
}

/** The client every library uses: a public SPA client whose callbacks are the adapter pages. */
export const benchClientId = 'bench-spa';
/** The seeded API of the tenant. */
export const benchAudience = 'https://api.sesame.test';

/**
 * Starts `@sesame/tenant` on 127.0.0.1:`port` (default: a free one, so that a developer's
 * `pnpm tenant` or the end-to-end tests may run meanwhile) with the default seed (demo user,
 * API) plus the `bench-spa` client, whose callback URLs, logout URLs and web origins are the
 * given page origins.
 */
export async function startBenchTenant(pageOrigins: string[], port = 0): Promise<BenchTenant> {
  const callbacks = pageOrigins.flatMap((origin) => [`${origin}/`, `${origin}/silent`]);
  const tenant = await startTenant({
    port,
    // Measurements must never meet a 429.
    rateLimits: false,
    config: {
      clients: [
        {
          client_id: benchClientId,
          name: 'Sesame benchmark',
          app_type: 'spa',
          callbacks,
          allowed_logout_urls: callbacks,
          web_origins: pageOrigins,
        },
      ],
    },
  });
  const issuer = tenant.url.endsWith('/') ? tenant.url : `${tenant.url}/`;
  const origin = new URL(issuer).origin;
  return {
    issuer,
    origin,
    clientId: benchClientId,
    audience: benchAudience,
    stats: async () => {
      const response = await fetch(`${origin}/__dev/stats`);
      if (!response.ok) throw new Error(`GET /__dev/stats answered ${response.status}`);
      return (await response.json()) as TenantStats;
    },
    stop: () => tenant.stop(),
  };
}
