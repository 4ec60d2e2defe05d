import type { AdapterConfig } from '../adapters/Adapter.js';
import type { BenchTenant } from '../tenant/startBenchTenant.js';

/** The scope the bench API (the demos' API) wants in a token. */
const apiScope = 'read:messages';

/**
 * What the adapter page of the library on `port` is told: the tenant, its own callbacks, and the
 * bench API at `apiOrigin`.
 */
export function adapterConfig(tenant: BenchTenant, port: number, apiOrigin: string): AdapterConfig {
  const origin = `http://127.0.0.1:${port}`;
  return {
    issuer: tenant.issuer,
    origin: tenant.origin,
    clientId: tenant.clientId,
    redirectUri: `${origin}/`,
    silentRedirectUri: `${origin}/silent`,
    audience: tenant.audience,
    scope: 'openid profile email offline_access',
    api: { url: `${apiOrigin}/api/messages`, scope: apiScope },
  };
}
