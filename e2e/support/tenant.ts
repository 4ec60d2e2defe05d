import type { FaultSpec, TenantStats } from '@sesame/tenant';

export type { FaultSpec };

/** A tenant started by global-setup, seen from a spec through its `/__dev/*` endpoints. */
export interface TestTenant {
  /** The tenant's URL (its issuer), with a trailing slash. */
  url: string;
  /** Reads the counters (`GET /__dev/stats`). */
  stats(): Promise<TenantStats>;
  /** Zeroes the counters and drops sessions, grants and faults (`POST /__dev/reset`). */
  reset(): Promise<void>;
  /** Injects a fault (`POST /__dev/faults`). */
  fault(spec: FaultSpec): Promise<void>;
}

/** The {@link TestTenant} at `url`. */
export function tenantAt(url: string): TestTenant {
  const dev = (path: string, init?: RequestInit) => fetch(new URL(`__dev/${path}`, url), init);
  return {
    url,
    stats: async () => (await (await dev('stats')).json()) as TenantStats,
    reset: async () => {
      await dev('reset', { method: 'POST' });
    },
    fault: async (spec) => {
      const res = await dev('faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(spec),
      });
      if (!res.ok) throw new Error(`the tenant refused the fault: ${await res.text()}`);
    },
  };
}

const sameSite = () => tenantAt(process.env.TENANT_URL ?? '');

/** Reads the same-site tenant's counters (`GET /__dev/stats`). */
export const tenantStats = (): Promise<TenantStats> => sameSite().stats();

/** Zeroes the same-site tenant's counters and drops its sessions and grants (`POST /__dev/reset`). */
export const resetTenant = (): Promise<void> => sameSite().reset();

/** An application of the specs' tenants like `sesame-spa`, with a 30 s rotation reuse interval. */
export const REUSE_INTERVAL_CLIENT_ID = 'sesame-spa-reuse-interval';

/** The seeded demo user. */
export const demoUser = { email: 'demo@sesame.test', password: 'Sesame-Demo-2026!', name: 'Demo User' };

/**
 * Users with a second factor, one per demo and attempt: an authenticator app stays enrolled (a
 * tenant reset keeps users), so a retried test (CI retries once) takes a user not enrolled yet.
 */
export const mfaUser = (demo: string, attempt = 0) => ({
  email: `mfa-${demo}${attempt ? `-retry${attempt}` : ''}@sesame.test`,
  password: 'Sesame-Mfa-2026!',
});

/** How many attempts a test gets: the seeded MFA users cover each (playwright.config.ts's retries). */
export const MFA_ATTEMPTS = 2;
