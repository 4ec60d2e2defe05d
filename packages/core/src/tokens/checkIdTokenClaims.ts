import { AuthError } from '../errors/AuthError.js';

type Claims = Readonly<Record<string, unknown>>;

/** What an ID token's claims must match. */
export interface ExpectedClaims {
  /** The server's issuer: `iss` must equal it. */
  readonly issuer: string;
  /** The client id: `aud` must hold it; `azp`, when present or with several audiences, must equal it. */
  readonly clientId: string;
  /** The client's clock, in seconds. */
  readonly now: number;
  /** The tolerated clock difference, in seconds. */
  readonly leeway: number;
  /** The transaction's nonce (authorization code grant): `nonce` must equal it. */
  readonly nonce?: string;
  /** The `max_age` asked for: `auth_time` must be present and recent enough. */
  readonly maxAge?: number;
  /** The session's claims when the ID token came from a refresh. */
  readonly previous?: Claims;
}

// What a refreshed ID token must keep of the session's (OIDC Core 12.2); `auth_time` when both have one.
const KEPT = ['iss', 'sub', 'aud', 'azp', 'auth_time'] as const;

// `aud` may be a string or an array, in any order.
const audiences = (aud: unknown) => [aud].flat().sort().join(' ');

/**
 * The ID-token claim checks of OpenID Connect Core 3.1.3.7 and 12.2: `iss` is the issuer; `aud`
 * holds the client id and `azp` is the client (required with several audiences); `sub` is a
 * non-empty string; `exp`, `iat`, `nbf` and `auth_time` are finite numbers (JSON's `1e999` is
 * `Infinity`, which would make a token live forever); the token has not expired and is not used
 * before `nbf` or `iat` (both with the leeway); `nonce` is the transaction's; with `max_age`,
 * `auth_time` is recent enough; and a refreshed ID token keeps the session's `iss`, `sub`, `aud`,
 * `azp` and `auth_time`.
 *
 * @throws {AuthError} `invalid_response` naming the claim, never its value.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse
 */
export function checkIdTokenClaims(claims: Claims, expected: ExpectedClaims): void {
  const { now, leeway, previous } = expected;
  const fail = (problem: string): never => {
    throw new AuthError('invalid_response', `the ID token's ${problem}`);
  };
  for (const name of ['exp', 'iat', 'nbf', 'auth_time']) {
    if (claims[name] !== undefined && !Number.isFinite(claims[name]))
      fail(`"${name}" is not a finite number`);
  }
  if ((claims.auth_time as number) < 0) fail('"auth_time" is negative');
  if (claims.exp === undefined || claims.iat === undefined) fail('"exp" or "iat" is missing');
  if (claims.iss !== expected.issuer) fail('"iss" is not the issuer');
  const aud = [claims.aud].flat();
  if (!aud.includes(expected.clientId) || aud.some((value) => typeof value !== 'string')) {
    fail('"aud" does not hold the client id');
  }
  if ((aud.length > 1 || claims.azp !== undefined) && claims.azp !== expected.clientId) {
    fail('"azp" is not the client id');
  }
  if (typeof claims.sub !== 'string' || !claims.sub) fail('"sub" is missing');
  if ((claims.exp as number) <= now - leeway) fail('"exp" is in the past');
  if ((claims.iat as number) > now + leeway) fail('"iat" is in the future');
  if ((claims.nbf as number) > now + leeway) fail('"nbf" is in the future');
  if (expected.nonce !== undefined && claims.nonce !== expected.nonce)
    fail('"nonce" is not the transaction\'s');
  if (expected.maxAge !== undefined) {
    if (claims.auth_time === undefined) fail('"auth_time" is missing (max_age was asked for)');
    if ((claims.auth_time as number) + expected.maxAge < now - leeway)
      fail('"auth_time" is older than max_age');
  }
  if (!previous) return;
  for (const name of KEPT) {
    const kept =
      name === 'aud' ? audiences(claims.aud) === audiences(previous.aud) : claims[name] === previous[name];
    // `auth_time` is compared only when both have it: either may leave it out.
    if (
      !kept &&
      !(name === 'auth_time' && (claims.auth_time === undefined || previous.auth_time === undefined))
    ) {
      fail(`"${name}" differs from the session's`);
    }
  }
}
