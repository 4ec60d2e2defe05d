import type { TenantStats } from '@sesame/tenant';

const tenantUrl = () => process.env.TENANT_URL ?? '';

/** Reads the tenant's counters (`GET /__dev/stats`). */
export async function tenantStats(): Promise<TenantStats> {
  const res = await fetch(new URL('__dev/stats', tenantUrl()));
  return (await res.json()) as TenantStats;
}

/** Zeroes the tenant's counters and drops its sessions and grants (`POST /__dev/reset`). */
export async function resetTenant(): Promise<void> {
  await fetch(new URL('__dev/reset', tenantUrl()), { method: 'POST' });
}

/** The seeded demo user. */
export const demoUser = { email: 'demo@sesame.test', password: 'Sesame-Demo-2026!', name: 'Demo User' };

/** Users with a second factor, one per demo (their authenticator app stays enrolled across specs). */
export const mfaUser = (demo: string) => ({ email: `mfa-${demo}@sesame.test`, password: 'Sesame-Mfa-2026!' });
