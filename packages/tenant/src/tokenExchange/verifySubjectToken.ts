import * as jose from 'jose';
import type { TokenExchangeProfileConfig } from '../config/types.js';

/** Signature algorithms subject tokens may use (never `none`, never symmetric). */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

type KeySource = jose.JWTVerifyGetKey;

/** Why a subject token was refused (the message goes into `error_description`). */
export class InvalidSubjectTokenError extends Error {
  override readonly name = 'InvalidSubjectTokenError';
}

function keySourceFor(profile: TokenExchangeProfileConfig): KeySource {
  if (profile.jwks) return jose.createLocalJWKSet(profile.jwks as jose.JSONWebKeySet);
  if (profile.jwks_uri) return jose.createRemoteJWKSet(new URL(profile.jwks_uri));
  const pem = profile.public_key!;
  return (header) => jose.importSPKI(pem, header.alg ?? 'RS256');
}

/**
 * Verifies subject tokens of the configured token exchange profiles with `jose`: a JWT
 * signed (with an asymmetric algorithm) by the profile's key, from its `issuer`, for its
 * `audience` when one is set, not expired (`exp` required), with a `sub`. A remote JWKS is
 * fetched once and cached by `jose`.
 */
export class SubjectTokenVerifier {
  readonly #keys = new Map<TokenExchangeProfileConfig, KeySource>();

  /**
   * @returns the token's claims.
   * @throws {InvalidSubjectTokenError} for an unsigned, wrongly signed, expired or otherwise
   *   unacceptable token.
   */
  async verify(
    profile: TokenExchangeProfileConfig,
    token: string,
  ): Promise<jose.JWTPayload & { sub: string }> {
    let keys = this.#keys.get(profile);
    if (!keys) {
      keys = keySourceFor(profile);
      this.#keys.set(profile, keys);
    }
    try {
      const { payload } = await jose.jwtVerify(token, keys, {
        issuer: profile.issuer,
        ...(profile.audience ? { audience: profile.audience } : {}),
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
      return payload as jose.JWTPayload & { sub: string };
    } catch (error) {
      const reason =
        error instanceof jose.errors.JWTExpired
          ? 'the token has expired'
          : error instanceof jose.errors.JWSSignatureVerificationFailed
            ? 'the signature does not verify'
            : error instanceof jose.errors.JWTClaimValidationFailed
              ? `the "${error.claim}" claim is not acceptable`
              : error instanceof jose.errors.JOSEAlgNotAllowed
                ? 'the token is not signed with an allowed algorithm'
                : error instanceof jose.errors.JWKSNoMatchingKey
                  ? 'no key of the issuer matches the token'
                  : 'the token is not a valid signed JWT';
      throw new InvalidSubjectTokenError(`Invalid subject_token: ${reason}`, { cause: error });
    }
  }
}
