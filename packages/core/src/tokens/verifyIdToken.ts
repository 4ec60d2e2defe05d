import {
  type AuthorizationServer,
  type JWKSCacheInput,
  jwksCache,
  KEY_SELECTION,
  OperationProcessingError,
  validateApplicationLevelSignature,
} from 'oauth4webapi';
import type { HttpOptions } from '../server/resolveServer.js';

/** Verifies the ID-token signature of a token response that oauth4webapi has processed. */
export type IdTokenVerifier = (
  as: AuthorizationServer,
  response: Response,
  http: HttpOptions,
) => Promise<void>;

/**
 * Makes the ID-token signature check of one client. oauth4webapi validates the claims of an
 * ID token but not its signature (it came over TLS from the token endpoint); Sesame checks it
 * too, against the server's JWKS, which is cached. When no key matches the token's `kid` the
 * JWKS is fetched once more (the server rotated its keys) before the token is rejected.
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function createIdTokenVerifier(): IdTokenVerifier {
  let cache: JWKSCacheInput = {};
  // oauth4webapi caches keys per metadata object: a fresh copy forces a fresh download.
  let keyed: { as: AuthorizationServer; copy: AuthorizationServer } | undefined;
  return async (as, response, http) => {
    if (keyed?.as !== as) keyed = { as, copy: { ...as } };
    try {
      await validateApplicationLevelSignature(keyed.copy, response, { ...http, [jwksCache]: cache });
    } catch (error) {
      if (!(error instanceof OperationProcessingError) || error.code !== KEY_SELECTION) throw error;
      keyed = { as, copy: { ...as } };
      cache = {};
      await validateApplicationLevelSignature(keyed.copy, response, { ...http, [jwksCache]: cache });
    }
  };
}
