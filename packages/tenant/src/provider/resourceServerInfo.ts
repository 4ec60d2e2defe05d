import { errors, type ResourceServer } from 'oidc-provider';
import type { ResolvedTenantConfig } from '../config/types.js';

/** The scopes of the MFA API (`{issuer}mfa/`), as on Auth0. */
export const MFA_API_SCOPES = ['enroll', 'read:authenticators', 'remove:authenticators'] as const;

/** The audience of the tenant's MFA API: `{issuer}mfa/`. */
export const mfaAudience = (issuer: string) => `${issuer}mfa/`;

/**
 * What oidc-provider's `getResourceServerInfo` answers for an `audience`: a configured API
 * (RS256 JWT access tokens with the API's scopes and lifetime) or the MFA API `{issuer}mfa/`
 * (opaque tokens the `/mfa/*` routes look up, 10 minutes as on Auth0).
 *
 * @throws {errors.AccessDenied} `Service not found: {audience}` for an unknown audience (Auth0's 403).
 */
export function resourceServerInfo(
  config: ResolvedTenantConfig,
  issuer: string,
  identifier: string,
): ResourceServer {
  if (identifier === mfaAudience(issuer)) {
    return {
      audience: identifier,
      scope: MFA_API_SCOPES.join(' '),
      accessTokenTTL: 600,
      accessTokenFormat: 'opaque',
    };
  }
  const api = config.apis.find((candidate) => candidate.identifier === identifier);
  if (!api) throw new errors.AccessDenied(`Service not found: ${identifier}`);
  return {
    audience: api.identifier,
    scope: api.scopes.join(' '),
    accessTokenTTL: api.token_lifetime ?? config.ttl.accessToken,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  };
}
