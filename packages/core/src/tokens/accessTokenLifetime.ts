import type { TokenEndpointResponse } from '../authentication/types.js';
import { parseJwt } from '../oauth/parseJwt.js';

/**
 * How long an access token lives when the token response has no `expires_in` and the token is
 * not a JWT with an `exp`: 5 minutes. Not "expired at once", which would refresh on every call.
 */
export const DEFAULT_EXPIRES_IN = 300;

/**
 * The lifetime of an access token, in seconds: `expires_in` (checked to be a finite number ≥ 0);
 * else, for a JWT access token, its own `exp` minus its `iat` (or minus the client's clock); else {@link DEFAULT_EXPIRES_IN}. The JWT is only read, not trusted: it decides
 * nothing but when to ask for a new one.
 *
 * @param now - The client's clock, in seconds.
 */
export function accessTokenLifetime(response: TokenEndpointResponse, now: number): number {
  if (response.expires_in !== undefined) return response.expires_in;
  try {
    const { exp, iat } = parseJwt(response.access_token, 'the access token').claims as {
      exp: number;
      iat?: number;
    };
    const lifetime = exp - (Number.isFinite(iat) ? (iat as number) : now);
    if (Number.isFinite(lifetime) && lifetime > 0) return lifetime;
  } catch {
    // Not a JWT (an opaque token): the default applies.
  }
  return DEFAULT_EXPIRES_IN;
}
