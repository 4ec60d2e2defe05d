/** As many pairs of one kind as a test ever needs at once, plus one. */
const PAIRS_PER_KIND = 4;

const pools = new Map<string, { pairs: Promise<CryptoKeyPair>[]; handedOut: number }>();

/**
 * A signing key pair of `algorithm` from a pool of four per kind, made on first use and handed
 * out in turn. Generating an RSA pair costs about a tenth of a second of CPU and the tests make
 * dozens; the pairs a test makes one after another (a server's key and an attacker's, a key and
 * its rotation) are still different pairs, so a signature by the other one never verifies.
 * The pool lives as long as the module: a worker's test files share it.
 *
 * @param algorithm - `crypto.subtle.generateKey`'s algorithm; equal ones (by JSON) share a pool.
 */
export function pooledKeyPair(
  algorithm: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm,
): Promise<CryptoKeyPair> {
  const kind = JSON.stringify(algorithm);
  const pool = pools.get(kind) ?? { pairs: [], handedOut: 0 };
  pools.set(kind, pool);
  const index = pool.handedOut++ % PAIRS_PER_KIND;
  pool.pairs[index] ??= crypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ]) as Promise<CryptoKeyPair>;
  return pool.pairs[index];
}
