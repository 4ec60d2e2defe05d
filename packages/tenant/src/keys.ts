import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A private JWK as oidc-provider's `jwks` option takes it. */
export type PrivateJwk = Record<string, unknown> & { kty: string; kid?: string };

/** The tenant's secrets: token signing keys and the keys that sign its cookies. */
export interface TenantKeys {
  /** Private signing keys (RS256); the first one signs. */
  jwks: PrivateJwk[];
  /** Keys for oidc-provider's signed cookies, derived from the signing keys. */
  cookieKeys: string[];
}

/** Generates an RSA 2048 signing key as a private JWK with a `kid`, `alg: RS256`, `use: sig`. */
export function generateSigningKey(): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  } as PrivateJwk;
}

// Cookie keys follow the signing keys, so keeping the keys keeps the sessions valid.
const cookieKeysFor = (jwks: PrivateJwk[]) =>
  jwks.map((jwk) =>
    createHash('sha256')
      .update(`sesame-cookie\0${String(jwk.d)}`)
      .digest('base64url'),
  );

/**
 * Returns the tenant's keys: `given` keys when the config has them; else the keys saved in
 * `dir/keys.json`, generating and saving them on first start; else (no `dir`) fresh keys
 * that last as long as the process.
 *
 * @param given - private JWKs from the config.
 * @param dir - the data folder, created when missing.
 */
export async function loadOrCreateKeys(
  given: PrivateJwk[] | undefined,
  dir: string | undefined,
): Promise<TenantKeys> {
  if (given?.length) return { jwks: given, cookieKeys: cookieKeysFor(given) };
  if (!dir) {
    const jwks = [generateSigningKey()];
    return { jwks, cookieKeys: cookieKeysFor(jwks) };
  }
  const file = join(dir, 'keys.json');
  let jwks: PrivateJwk[];
  try {
    jwks = (JSON.parse(await readFile(file, 'utf8')) as { keys: PrivateJwk[] }).keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    jwks = [generateSigningKey()];
    await mkdir(dir, { recursive: true });
    await writeFile(file, `${JSON.stringify({ keys: jwks }, null, 2)}\n`, { mode: 0o600 });
  }
  return { jwks, cookieKeys: cookieKeysFor(jwks) };
}
