import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';

/** Why a token is not valid, or `undefined` when it is. */
export type TokenProblem = string | undefined;

const algorithms: Record<string, { hash: string; dsaEncoding?: 'ieee-p1363' }> = {
  RS256: { hash: 'sha256' },
  ES256: { hash: 'sha256', dsaEncoding: 'ieee-p1363' },
};

/**
 * Returns a checker of access tokens issued by the tenant: a JWT is valid when its signature
 * verifies against the tenant's JWKS, `iss` is the issuer and it has not expired; an opaque
 * token is valid when `/userinfo` accepts it.
 */
export async function createTokenChecker(issuer: string): Promise<(token: string) => Promise<TokenProblem>> {
  const discovery = (await (await fetch(`${issuer}.well-known/openid-configuration`)).json()) as {
    jwks_uri: string;
    userinfo_endpoint: string;
  };
  const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as {
    keys: (JsonWebKey & { kid?: string })[];
  };

  return async (token) => {
    const parts = token.split('.');
    if (parts.length !== 3) {
      const response = await fetch(discovery.userinfo_endpoint, {
        headers: { authorization: `Bearer ${token}` },
      });
      return response.ok ? undefined : `opaque token refused by /userinfo (${response.status})`;
    }
    const [header, payload, signature] = parts as [string, string, string];
    const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as {
      alg: string;
      kid?: string;
    };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; exp?: number };
    const jwk = keys.find((key) => key.kid === kid) ?? (keys.length === 1 ? keys[0] : undefined);
    const algorithm = algorithms[alg];
    if (!jwk || !algorithm) return `no key for kid ${kid} / alg ${alg}`;
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    const signed = Buffer.from(`${header}.${payload}`);
    const ok = verify(
      algorithm.hash,
      signed,
      algorithm.dsaEncoding ? { key, dsaEncoding: algorithm.dsaEncoding } : key,
      Buffer.from(signature, 'base64url'),
    );
    if (!ok) return 'bad signature';
    if (claims.iss !== issuer) return `iss ${claims.iss}`;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return 'expired';
    return undefined;
  };
}
