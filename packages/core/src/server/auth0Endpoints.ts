import type { AuthorizationServer } from '../oauth/types.js';

/**
 * The metadata of an Auth0 tenant, whose endpoints are fixed: no discovery round trip.
 * `origin` is `https://{domain}` (or the local tenant's `http://127.0.0.1:4000`).
 */
export function auth0Endpoints(origin: string): AuthorizationServer {
  return {
    issuer: `${origin}/`,
    authorization_endpoint: `${origin}/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    userinfo_endpoint: `${origin}/userinfo`,
    jwks_uri: `${origin}/.well-known/jwks.json`,
    revocation_endpoint: `${origin}/oauth/revoke`,
    id_token_signing_alg_values_supported: ['RS256'],
  };
}
