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

/** The least time between two JWKS downloads for an unknown `kid` (as jose's remote key sets). */
export const JWKS_COOLDOWN_MS = 30_000;

/**
 * Makes the ID-token signature check of one client. oauth4webapi validates the claims of an
 * ID token but not its signature (it came over TLS from the token endpoint); Sesame checks it
 * too, against the server's JWKS, which is cached. When no key matches the token's `kid` the
 * JWKS is fetched once more (the server rotated its keys) before the token is rejected, but at
 * most once per {@link JWKS_COOLDOWN_MS} on the client's clock: a server (or an attacker) that
 * answers with unknown key ids cannot make every response cost a download.
 *
 * @param now - The client's clock, in milliseconds.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function createIdTokenVerifier(now: () => number): IdTokenVerifier {
  let cache: JWKSCacheInput = {};
  let refetchedAt = -Infinity;
  // oauth4webapi caches keys per metadata object: a fresh copy forces a fresh download.
  let keyed: { as: AuthorizationServer; copy: AuthorizationServer } | undefined;
  return async (as, response, http) => {
    if (keyed?.as !== as) keyed = { as, copy: { ...as } };
    try {
      await validateApplicationLevelSignature(keyed.copy, response, { ...http, [jwksCache]: cache });
    } catch (error) {
      const unknownKey = error instanceof OperationProcessingError && error.code === KEY_SELECTION;
      if (!unknownKey || now() - refetchedAt < JWKS_COOLDOWN_MS) throw error;
      refetchedAt = now();
      keyed = { as, copy: { ...as } };
      cache = {};
      await validateApplicationLevelSignature(keyed.copy, response, { ...http, [jwksCache]: cache });
    }
  };
}
