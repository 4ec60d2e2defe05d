import { AuthError } from '../errors/AuthError.js';
import { endpointOf, type HttpOptions } from '../oauth/tokenRequest.js';
import type { AuthorizationServer, ParsedJwt } from '../oauth/types.js';
import type { AuthStorage } from '../types.js';

/** Verifies the signature of an ID token against the server's JWKS. */
export type IdTokenVerifier = (as: AuthorizationServer, jwt: ParsedJwt, http: HttpOptions) => Promise<void>;

/** The least time between two JWKS downloads for an unknown `kid` (as jose's remote key sets). */
export const JWKS_COOLDOWN_MS = 30_000;

/**
 * How long a downloaded JWKS is used, in memory and in the client's storage, before it is
 * downloaded again: one day. A key the server adds is found sooner, by the refetch on an unknown
 * `kid`; a key it withdraws stays trusted at most this long, which matters little because the ID
 * tokens come straight from the token endpoint over TLS (OIDC Core 3.1.3.7 would even let a client
 * skip the signature). The server's `Cache-Control` is not followed: a short `max-age` would cost a
 * download per login or refresh for no safety.
 */
export const JWKS_MAX_AGE_MS = 86_400_000;

/** The storage key of the JWKS: a public document, which a logout leaves in place. */
export const JWKS_KEY = 'jwks';

type Jwk = JsonWebKey & { kid?: unknown };

/** A JWKS as kept in memory and in storage: its URL, when it was downloaded (client clock, ms), its keys. */
interface KeySet {
  uri: string;
  at: number;
  keys: Jwk[];
}

const isObject = (key: unknown): key is Jwk => typeof key === 'object' && key !== null;

/** The key type, curve and WebCrypto algorithms of a JWS `alg` (RFC 7518 §3.1, RFC 8037). */
function algorithmOf(alg: unknown) {
  const bits = typeof alg === 'string' ? alg.slice(2) : '';
  const hash = `SHA-${bits}`;
  if (!['256', '384', '512'].includes(bits)) {
    return alg === 'EdDSA' || alg === 'Ed25519'
      ? { kty: 'OKP', crv: 'Ed25519', key: { name: 'Ed25519' }, verify: { name: 'Ed25519' } }
      : undefined;
  }
  switch ((alg as string).slice(0, 2)) {
    case 'RS':
      return { kty: 'RSA', key: { name: 'RSASSA-PKCS1-v1_5', hash }, verify: { name: 'RSASSA-PKCS1-v1_5' } };
    case 'PS':
      return {
        kty: 'RSA',
        key: { name: 'RSA-PSS', hash },
        verify: { name: 'RSA-PSS', saltLength: +bits / 8 },
      };
    case 'ES': {
      const crv = bits === '512' ? 'P-521' : `P-${bits}`;
      return { kty: 'EC', crv, key: { name: 'ECDSA', namedCurve: crv }, verify: { name: 'ECDSA', hash } };
    }
  }
  return undefined;
}

/**
 * Makes the ID-token signature check of one client. The token's `alg` must be one the server
 * announces (`id_token_signing_alg_values_supported`, else `RS256`) and never `none`; its key is
 * the one JWK of the server's JWKS that matches the `kid`, the key type and curve, `use` and
 * `alg`; RSA keys have at least 2048 bits. The JWKS and the imported keys are cached in memory
 * for {@link JWKS_MAX_AGE_MS}, and the JWKS is kept in the client's storage too, so that the next
 * page load (or the next login) needs no download. When no key matches the token's `kid` the
 * JWKS is fetched once more (the server rotated its keys) before the token is rejected, but at
 * most once per {@link JWKS_COOLDOWN_MS} on the client's clock: a server (or an attacker) that
 * answers with unknown key ids cannot make every response cost a download.
 *
 * @param now - The client's clock, in milliseconds.
 * @param cache - Where the JWKS is kept between page loads (the session's storage, key
 *   {@link JWKS_KEY}) and what the client's start-up read found there; a failed read or write only
 *   costs a download.
 * @throws {AuthError} `invalid_response` naming the problem (the returned function).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 */
export function createIdTokenVerifier(
  now: () => number,
  cache?: { storage: Pick<AuthStorage, 'set'>; stored: Promise<unknown> },
): IdTokenVerifier {
  let jwks: (Omit<KeySet, 'keys'> & { keys: Promise<Jwk[]> }) | undefined;
  let refetchedAt = -Infinity;
  // A key is imported for one algorithm (an RSA key for RS256 verifies with SHA-256 only).
  const imported = new WeakMap<Jwk, { alg: unknown; key: Promise<CryptoKey> }>();
  const invalid = (problem: string) => new AuthError('invalid_response', `the ID token ${problem}`);

  const download = async (url: URL, http: HttpOptions): Promise<Jwk[]> => {
    const response = await http.fetch(url.href, {
      headers: { accept: 'application/json, application/jwk-set+json' },
      redirect: 'manual',
      signal: http.signal,
    });
    const body = (await response.json().catch(() => undefined)) as { keys?: unknown } | undefined;
    if (response.status !== 200 || !Array.isArray(body?.keys)) {
      throw new AuthError(
        'invalid_response',
        `the server's JWKS answered HTTP ${response.status} without keys`,
      );
    }
    return body.keys.filter(isObject);
  };
  // Usable: for this URL, downloaded within the max age and not "later" than now (a clock set back).
  const usable = (set: { uri?: unknown; at?: unknown } | undefined, uri: string): boolean =>
    set?.uri === uri && typeof set.at === 'number' && set.at <= now() && now() - set.at < JWKS_MAX_AGE_MS;
  const keysOf = async (as: AuthorizationServer, http: HttpOptions, fresh: boolean): Promise<Jwk[]> => {
    const uri = endpointOf(as, 'jwks_uri', http).href;
    if (!fresh && !jwks && cache) {
      const stored = (await cache.stored.catch(() => undefined)) as Partial<KeySet> | undefined;
      if (usable(stored, uri) && Array.isArray(stored?.keys)) {
        jwks ??= { uri, at: stored.at as number, keys: Promise.resolve(stored.keys.filter(isObject)) };
      }
    }
    if (fresh || !usable(jwks, uri)) {
      const at = now();
      const keys = download(new URL(uri), http);
      jwks = { uri, at, keys };
      keys.then(
        (downloaded) => cache?.storage.set(JWKS_KEY, { uri, at, keys: downloaded }).catch(() => undefined),
        // A failed download is not kept: the next token tries again.
        () => {
          if (jwks?.keys === keys) jwks = undefined;
        },
      );
    }
    return (jwks as NonNullable<typeof jwks>).keys;
  };

  return async (as, jwt, http) => {
    const { alg, kid, crit } = jwt.header;
    // Not an array (a string would match by substring): the default, as oauth4webapi did.
    const supported = as.id_token_signing_alg_values_supported;
    const allowed = Array.isArray(supported) ? supported : ['RS256'];
    const algorithm = algorithmOf(alg);
    if (!allowed.includes(alg as string) || !algorithm)
      throw invalid('is signed with an algorithm that is not allowed');
    if (crit !== undefined) throw invalid('has "crit" header extensions, which are not supported');
    const matching = (keys: Jwk[]) =>
      keys.filter(
        (key) =>
          key.kty === algorithm.kty &&
          (kid === undefined || key.kid === kid) &&
          (key.use === undefined || key.use === 'sig') &&
          (key.alg === undefined || key.alg === alg) &&
          (algorithm.crv === undefined || key.crv === algorithm.crv) &&
          (key.key_ops === undefined || (Array.isArray(key.key_ops) && key.key_ops.includes('verify'))),
      );
    let candidates = matching(await keysOf(as, http, false));
    if (candidates.length === 0 && now() - refetchedAt >= JWKS_COOLDOWN_MS) {
      refetchedAt = now();
      candidates = matching(await keysOf(as, http, true));
    }
    const [jwk] = candidates;
    if (!jwk || candidates.length > 1)
      throw invalid(jwk ? 'matches several keys of the JWKS' : 'matches no key of the JWKS');
    let key = imported.get(jwk)?.alg === alg ? imported.get(jwk)?.key : undefined;
    if (!key) {
      const { kty, n, e, crv, x, y } = jwk;
      key = crypto.subtle.importKey('jwk', { kty, n, e, crv, x, y }, algorithm.key, false, ['verify']);
      imported.set(jwk, { alg, key });
    }
    const verified = await key.then(
      (cryptoKey) =>
        ((cryptoKey.algorithm as RsaHashedKeyAlgorithm).modulusLength ?? 2048) >= 2048 &&
        crypto.subtle.verify(
          algorithm.verify,
          cryptoKey,
          jwt.signature,
          new TextEncoder().encode(jwt.signingInput),
        ),
      () => false,
    );
    if (!verified) throw invalid('signature does not verify');
  };
}
