import { AuthError } from '../errors/AuthError.js';
import type { IdTokenClaims } from '../types.js';

type Claims = Omit<IdTokenClaims, '__raw'>;

// What a refreshed ID token must keep of the session's (OIDC Core 12.2); `auth_time` when it has one.
const KEPT = ['iss', 'sub', 'aud', 'azp', 'auth_time'] as const;

// `aud` may be a string or an array, in any order.
const audiences = (aud: unknown) => [aud].flat().sort().join(' ');

/**
 * The ID-token checks oauth4webapi leaves to the client: `exp`, `iat`, `nbf` and `auth_time` are
 * finite numbers (JSON's `1e999` is `Infinity`, which would make a token live forever), `iat` is
 * not in the future beyond the leeway, and a refreshed ID token keeps the session's `iss`, `sub`,
 * `aud`, `azp` and `auth_time`.
 *
 * @param claims - The validated claims of the new ID token.
 * @param now - The client's clock, in seconds.
 * @param leeway - The tolerated clock difference, in seconds.
 * @param previous - The session's claims when the ID token came from a refresh.
 * @throws {AuthError} `invalid_response` naming the claim.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse
 */
export function checkIdTokenClaims(claims: Claims, now: number, leeway: number, previous?: Claims): void {
  const fail = (problem: string) => {
    throw new AuthError('invalid_response', `the ID token's ${problem}`);
  };
  for (const name of ['exp', 'iat', 'nbf', 'auth_time']) {
    if (claims[name] !== undefined && !Number.isFinite(claims[name]))
      fail(`"${name}" is not a finite number`);
  }
  if ((claims.iat as number) > now + leeway) fail('"iat" is in the future');
  if (!previous) return;
  for (const name of KEPT) {
    const kept =
      name === 'aud' ? audiences(claims.aud) === audiences(previous.aud) : claims[name] === previous[name];
    if (!kept && !(name === 'auth_time' && claims.auth_time === undefined)) {
      fail(`"${name}" differs from the session's`);
    }
  }
}
