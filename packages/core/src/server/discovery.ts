import { type AuthorizationServer, discoveryRequest, processDiscoveryResponse } from 'oauth4webapi';
import type { HttpOptions } from './resolveServer.js';

/**
 * Fetches and validates the OpenID discovery document of `issuer` (its `issuer` must match).
 *
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 */
export async function discovery(issuer: string, http: HttpOptions): Promise<AuthorizationServer> {
  const url = new URL(issuer);
  return processDiscoveryResponse(url, await discoveryRequest(url, { ...http, algorithm: 'oidc' }));
}
