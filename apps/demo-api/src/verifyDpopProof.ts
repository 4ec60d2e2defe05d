import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, errors, jwtVerify } from 'jose';

/** What a DPoP proof must match: the request it came with and the token it proves. */
export interface DpopRequest {
  /** The request's method. */
  method: string;
  /** The request's URL as the client addressed it (query and fragment are ignored). */
  url: URL;
  /** The access token of the `Authorization: DPoP` header. */
  accessToken: string;
  /** The JWK thumbprint the access token is bound to (its `cnf.jkt`). */
  jkt: unknown;
  /** Seconds since the epoch. */
  now: number;
}

/** How far a proof's `iat` may be from the API's clock, in seconds. */
const IAT_WINDOW = 60;

/**
 * Checks DPoP proofs as a resource server must (RFC 9449 §4.3, §7.1): one ES256 JWT of type
 * `dpop+jwt` signed by the public key in its header, for this method and URL (`htm`, `htu`), made
 * now (`iat` within a minute), never seen before (`jti`), for this access token (`ath`), with the
 * key the token is bound to (`cnf.jkt`).
 *
 * @returns a `check(proof, request)` that resolves to `undefined` for a good proof, else the reason in words.
 */
export function dpopProofChecker(): (
  proof: string | undefined,
  request: DpopRequest,
) => Promise<string | undefined> {
  const seen = new Map<string, number>();
  return async (proof, request) => {
    if (!proof) return 'A DPoP-bound token needs a DPoP proof header.';
    let verified: Awaited<ReturnType<typeof jwtVerify>>;
    try {
      verified = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] });
    } catch (error) {
      return error instanceof errors.JOSEError
        ? `The DPoP proof is not a valid signed proof (${error.code}).`
        : 'The DPoP proof could not be read.';
    }
    const { payload, protectedHeader } = verified;
    if (payload.htm !== request.method)
      return `The DPoP proof is for ${String(payload.htm)}, not ${request.method}.`;
    const htu = `${request.url.origin}${request.url.pathname}`;
    if (payload.htu !== htu) return `The DPoP proof is for ${String(payload.htu)}, not ${htu}.`;
    if (typeof payload.iat !== 'number' || Math.abs(payload.iat - request.now) > IAT_WINDOW) {
      return 'The DPoP proof was not made within the last minute.';
    }
    for (const [jti, until] of seen) if (until < request.now) seen.delete(jti);
    if (typeof payload.jti !== 'string' || seen.has(payload.jti))
      return 'The DPoP proof was used before (jti).';
    seen.set(payload.jti, request.now + IAT_WINDOW);
    const ath = createHash('sha256').update(request.accessToken).digest('base64url');
    if (payload.ath !== ath) return 'The DPoP proof is for another access token (ath).';
    if (!protectedHeader.jwk || (await calculateJwkThumbprint(protectedHeader.jwk)) !== request.jkt) {
      return 'The DPoP proof is signed by another key than the one the token is bound to (cnf.jkt).';
    }
    return undefined;
  };
}
