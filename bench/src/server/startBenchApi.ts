import { type RunningDemoApi, startDemoApi } from '../../../apps/demo-api/src/index.js';
import type { BenchTenant } from '../tenant/startBenchTenant.js';

/**
 * Starts the API of the DPoP scenario on a free port of 127.0.0.1: the demos' API (`apps/demo-api`),
 * which accepts the tenant's access tokens for its audience with `read:messages` and, for a
 * DPoP-bound one, only with a valid proof of its key. `pageOrigins` may call it (CORS).
 */
export function startBenchApi(tenant: BenchTenant, pageOrigins: string[]): Promise<RunningDemoApi> {
  return startDemoApi({ tenantUrl: tenant.issuer, audience: tenant.audience, port: 0, origins: pageOrigins });
}
