import { beforeEach, describe, expect, it } from 'vitest';
import { pooledKeyPair } from '../../__tests__/helpers/keyPairs.js';
import { refusal } from '../../__tests__/helpers/refusal.js';
import { base64url } from '../../oauth/base64url.js';
import { parseJwt } from '../../oauth/parseJwt.js';
import type { HttpOptions } from '../../oauth/tokenRequest.js';
import type { AuthorizationServer, ParsedJwt } from '../../oauth/types.js';
import { createIdTokenVerifier, JWKS_COOLDOWN_MS, JWKS_KEY, JWKS_MAX_AGE_MS } from '../verifyIdToken.js';

const encoder = new TextEncoder();
const part = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));
const CLAIMS = {
  iss: 'https://op.example',
  sub: 'u1',
  aud: 'client',
  exp: 2_000_000_000,
  iat: 1_000_000_000,
};

// RFC 7515 Appendix A.2 (RS256) and A.3 (ES256): the same claims, signed by the RFC's keys.
const RFC7515_PAYLOAD =
  'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const RFC7515_A2 = {
  jwt: `eyJhbGciOiJSUzI1NiJ9.${RFC7515_PAYLOAD}.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw`,
  jwk: {
    kty: 'RSA',
    n: 'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
    e: 'AQAB',
  },
};
const RFC7515_A3 = {
  jwt: `eyJhbGciOiJFUzI1NiJ9.${RFC7515_PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`,
  jwk: {
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  },
};
// RFC 8037 Appendix A.4: an Ed25519 JWS whose payload is text, not claims.
const RFC8037_A4 = {
  signingInput: 'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc',
  signature: 'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg',
  jwk: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
};

type Algorithm = 'RS256' | 'RS384' | 'PS256' | 'ES256' | 'ES384' | 'EdDSA';
const params = (alg: Algorithm, modulusLength = 2048) => {
  const rsa = { modulusLength, publicExponent: new Uint8Array([1, 0, 1]) };
  switch (alg) {
    case 'RS256':
    case 'RS384':
      return {
        key: { name: 'RSASSA-PKCS1-v1_5', hash: `SHA-${alg.slice(2)}`, ...rsa },
        sign: { name: 'RSASSA-PKCS1-v1_5' },
      };
    case 'PS256':
      return { key: { name: 'RSA-PSS', hash: 'SHA-256', ...rsa }, sign: { name: 'RSA-PSS', saltLength: 32 } };
    case 'ES256':
      return { key: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } };
    case 'ES384':
      return { key: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } };
    case 'EdDSA':
      return { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' } };
  }
};

/** A signing key of the fake server: its public JWK and a signer of JWTs. */
async function signingKey(alg: Algorithm, jwkMembers: Record<string, unknown> = {}, modulusLength?: number) {
  const { key, sign } = params(alg, modulusLength);
  const pair = await pooledKeyPair(key);
  const { kty, n, e, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const jwk = JSON.parse(JSON.stringify({ kty, n, e, crv, x, y, ...jwkMembers }));
  return {
    jwk,
    /** A compact JWS of `claims` with `header` (its `alg` defaults to the key's). */
    async sign(header: Record<string, unknown> = {}, claims: unknown = CLAIMS, signAs = sign) {
      const input = `${part({ alg, ...header })}.${part(claims)}`;
      const signature = await crypto.subtle.sign(signAs, pair.privateKey, encoder.encode(input));
      return `${input}.${base64url(signature)}`;
    },
  };
}

/** The server's JWKS endpoint: serves `keys` (changeable), records each download. */
function jwksEndpoint(keys: unknown[]) {
  const endpoint = {
    keys,
    status: 200,
    downloads: [] as { url: string; init: RequestInit | undefined }[],
    fetch: (async (url: string, init?: RequestInit) => {
      endpoint.downloads.push({ url, init });
      return new Response(JSON.stringify({ keys: endpoint.keys }), {
        status: endpoint.status,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof globalThis.fetch,
  };
  return endpoint;
}

const server = (algs?: unknown): AuthorizationServer => ({
  issuer: 'https://op.example',
  jwks_uri: 'https://op.example/jwks',
  ...(algs !== undefined && { id_token_signing_alg_values_supported: algs as string[] }),
});

let clock: number;
// One verifier (with its JWKS cache) per JWKS endpoint: a client talks to one server.
let verifiers: WeakMap<object, ReturnType<typeof createIdTokenVerifier>>;
beforeEach(() => {
  clock = 1_700_000_000_000;
  verifiers = new WeakMap();
});

const http = (endpoint: ReturnType<typeof jwksEndpoint>, allowInsecure = false): HttpOptions => ({
  fetch: endpoint.fetch,
  signal: new AbortController().signal,
  allowInsecure,
});

/** The verifier's verdict: `'valid'`, or the message of the `AuthError` (`invalid_response`) it threw. */
async function verdict(
  as: AuthorizationServer,
  jwt: string | ParsedJwt,
  endpoint: ReturnType<typeof jwksEndpoint>,
  options?: HttpOptions,
): Promise<string> {
  const verify = verifiers.get(endpoint) ?? createIdTokenVerifier(() => clock);
  verifiers.set(endpoint, verify);
  try {
    await verify(
      as,
      typeof jwt === 'string' ? parseJwt(jwt, 'the ID token') : jwt,
      options ?? http(endpoint),
    );
    return 'valid';
  } catch (error) {
    return refusal(error);
  }
}

describe('verifyIdToken: RFC test vectors', () => {
  it('verifies the RS256 JWS of RFC 7515 Appendix A.2, and refuses it with one signature bit flipped', async () => {
    const endpoint = jwksEndpoint([RFC7515_A2.jwk]);
    expect(await verdict(server(), RFC7515_A2.jwt, endpoint)).toBe('valid');
    // The signature's 9th character, "j" (35), becomes "k" (36): one bit of its 6th byte.
    const at = RFC7515_A2.jwt.lastIndexOf('.') + 9;
    expect(RFC7515_A2.jwt[at]).toBe('j');
    const flipped = `${RFC7515_A2.jwt.slice(0, at)}k${RFC7515_A2.jwt.slice(at + 1)}`;
    expect(await verdict(server(), flipped, endpoint)).toMatch(/signature does not verify/);
  });

  it('verifies the ES256 JWS of RFC 7515 Appendix A.3 when the server announces ES256', async () => {
    const endpoint = jwksEndpoint([RFC7515_A3.jwk]);
    expect(await verdict(server(['ES256']), RFC7515_A3.jwt, endpoint)).toBe('valid');
    // Not announced: the default is RS256 only.
    expect(await verdict(server(), RFC7515_A3.jwt, endpoint)).toMatch(/algorithm that is not allowed/);
  });

  it('verifies the Ed25519 JWS of RFC 8037 Appendix A.4 as EdDSA', async () => {
    const [header = '', payload = ''] = RFC8037_A4.signingInput.split('.');
    const jwt: ParsedJwt = {
      header: JSON.parse(atob(header)),
      claims: {},
      signingInput: RFC8037_A4.signingInput,
      signature: parseJwt(`${part({})}.${part({})}.${RFC8037_A4.signature}`, 'x').signature,
      raw: `${RFC8037_A4.signingInput}.${RFC8037_A4.signature}`,
    };
    expect(jwt.header).toEqual({ alg: 'EdDSA' });
    expect(payload).toBe('RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc');
    const endpoint = jwksEndpoint([RFC8037_A4.jwk]);
    expect(await verdict(server(['EdDSA']), jwt, endpoint)).toBe('valid');
    const tampered = {
      ...jwt,
      signingInput: `${header}.${base64url(encoder.encode('Example of Ed25519 signinG'))}`,
    };
    expect(await verdict(server(['EdDSA']), tampered, endpoint)).toMatch(/signature does not verify/);
  });
});

describe('verifyIdToken: algorithms', () => {
  it('verifies RS256, PS256, ES256 and EdDSA tokens of keys the server announces', async () => {
    for (const alg of ['RS256', 'PS256', 'ES256', 'EdDSA'] as const) {
      const key = await signingKey(alg, { kid: alg });
      const endpoint = jwksEndpoint([key.jwk]);
      expect(await verdict(server([alg]), await key.sign({ kid: alg }), endpoint)).toBe('valid');
    }
  });

  it('refuses "none", whatever the server announces, without downloading the JWKS', async () => {
    const endpoint = jwksEndpoint([]);
    const unsigned = `${part({ alg: 'none' })}.${part(CLAIMS)}.`;
    expect(await verdict(server(['none', 'RS256']), unsigned, endpoint)).toMatch(
      /algorithm that is not allowed/,
    );
    expect(endpoint.downloads).toEqual([]);
  });

  it('refuses HS256 (a MAC with a shared key), even announced and with an "oct" key in the JWKS', async () => {
    const secret = encoder.encode('a shared secret of at least thirty-two bytes');
    const hmac = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const input = `${part({ alg: 'HS256' })}.${part(CLAIMS)}`;
    const jwt = `${input}.${base64url(await crypto.subtle.sign('HMAC', hmac, encoder.encode(input)))}`;
    const endpoint = jwksEndpoint([{ kty: 'oct', k: base64url(secret) }]);
    expect(await verdict(server(['HS256', 'RS256']), jwt, endpoint)).toMatch(/algorithm that is not allowed/);
  });

  it('refuses an algorithm the server does not announce, and a missing or non-string "alg"', async () => {
    const key = await signingKey('ES256');
    const endpoint = jwksEndpoint([key.jwk]);
    expect(await verdict(server(['RS256']), await key.sign(), endpoint)).toMatch(/not allowed/);
    expect(await verdict(server(['ES256']), await key.sign({ alg: undefined }), endpoint)).toMatch(
      /not allowed/,
    );
    expect(await verdict(server(['ES256']), await key.sign({ alg: ['ES256'] }), endpoint)).toMatch(
      /not allowed/,
    );
  });

  it('reads a non-array "id_token_signing_alg_values_supported" as absent (RS256 only), never as a substring', async () => {
    const key = await signingKey('ES256');
    const endpoint = jwksEndpoint([key.jwk]);
    expect(await verdict(server('RS256 ES256'), await key.sign(), endpoint)).toMatch(/not allowed/);
    const rsa = await signingKey('RS256');
    expect(await verdict(server('RS256 ES256'), await rsa.sign(), jwksEndpoint([rsa.jwk]))).toBe('valid');
  });

  it('refuses a "crit" header, even an empty one', async () => {
    const key = await signingKey('RS256');
    const endpoint = jwksEndpoint([key.jwk]);
    expect(await verdict(server(), await key.sign({ crit: ['b64'], b64: false }), endpoint)).toMatch(
      /"crit"/,
    );
    expect(await verdict(server(), await key.sign({ crit: [] }), endpoint)).toMatch(/"crit"/);
  });

  it('never uses a key the token carries ("jwk" header) instead of the JWKS', async () => {
    const attacker = await signingKey('RS256');
    const genuine = await signingKey('RS256');
    const endpoint = jwksEndpoint([genuine.jwk]);
    const forged = await attacker.sign({ jwk: attacker.jwk, jku: 'https://attacker.example/jwks' });
    expect(await verdict(server(), forged, endpoint)).toMatch(/signature does not verify/);
    expect(endpoint.downloads.map(({ url }) => url)).toEqual(['https://op.example/jwks']);
  });

  it('refuses a valid signature by an RSA key shorter than 2048 bits', async () => {
    const weak = await signingKey('RS256', {}, 1024);
    expect(await verdict(server(), await weak.sign(), jwksEndpoint([weak.jwk]))).toMatch(/does not verify/);
  });

  it('refuses a signature over other claims, and an empty or truncated signature', async () => {
    const key = await signingKey('ES256');
    const endpoint = jwksEndpoint([key.jwk]);
    const [header, , signature] = (await key.sign()).split('.');
    const swapped = `${header}.${part({ ...CLAIMS, sub: 'admin' })}.${signature}`;
    expect(await verdict(server(['ES256']), swapped, endpoint)).toMatch(/does not verify/);
    expect(await verdict(server(['ES256']), `${header}.${part(CLAIMS)}.`, endpoint)).toMatch(
      /does not verify/,
    );
    const short = `${header}.${part(CLAIMS)}.${signature?.slice(0, 40)}`;
    expect(await verdict(server(['ES256']), short, endpoint)).toMatch(/does not verify/);
  });

  it('verifies RS256 and RS384 tokens of one RSA key without "alg", each with its own hash', async () => {
    const pair = (await crypto.subtle.generateKey(params('RS256').key, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const { kty, n, e } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const { alg: _, ...privateJwk } = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const endpoint = jwksEndpoint([{ kty, n, e, kid: 'r' }]);
    const as = server(['RS256', 'RS384']);
    const sign = async (alg: string, hash: string) => {
      const input = `${part({ alg, kid: 'r' })}.${part(CLAIMS)}`;
      const key = await crypto.subtle.importKey(
        'jwk',
        privateJwk,
        { name: 'RSASSA-PKCS1-v1_5', hash },
        false,
        ['sign'],
      );
      return `${input}.${base64url(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, encoder.encode(input)))}`;
    };
    expect(await verdict(as, await sign('RS256', 'SHA-256'), endpoint)).toBe('valid');
    expect(await verdict(as, await sign('RS384', 'SHA-384'), endpoint)).toBe('valid');
    // A token that says RS384 but is signed with SHA-256 is not verified with the RS256 key of before.
    expect(await verdict(as, await sign('RS384', 'SHA-256'), endpoint)).toMatch(/does not verify/);
    expect(await verdict(as, await sign('RS256', 'SHA-256'), endpoint)).toBe('valid');
  });
});

describe('verifyIdToken: key selection', () => {
  it('refuses a "kid" that matches no key, after one more download, and a "kid" that matches several', async () => {
    const key = await signingKey('RS256', { kid: 'a' });
    const endpoint = jwksEndpoint([key.jwk]);
    expect(await verdict(server(), await key.sign({ kid: 'b' }), endpoint)).toMatch(/matches no key/);
    expect(endpoint.downloads).toHaveLength(2);
    const twin = await signingKey('RS256', { kid: 'a' });
    endpoint.keys = [key.jwk, twin.jwk];
    clock += JWKS_MAX_AGE_MS;
    expect(await verdict(server(), await key.sign({ kid: 'a' }), endpoint)).toMatch(/several keys/);
  });

  it('refuses a token without "kid" when several keys could verify it, and uses the only one otherwise', async () => {
    const one = await signingKey('RS256', { kid: 'one' });
    const two = await signingKey('RS256', { kid: 'two' });
    expect(await verdict(server(), await one.sign(), jwksEndpoint([one.jwk, two.jwk]))).toMatch(
      /several keys/,
    );
    expect(await verdict(server(), await one.sign(), jwksEndpoint([one.jwk]))).toBe('valid');
  });

  it('skips keys of another type or curve, for encryption, for another algorithm, or not for verifying', async () => {
    const key = await signingKey('ES256', { kid: 'k' });
    const as = server(['ES256']);
    const token = await key.sign({ kid: 'k' });
    const rsa = await signingKey('RS256', { kid: 'k' });
    const p384 = await signingKey('ES384', { kid: 'k' });
    const cases: Record<string, unknown>[] = [
      rsa.jwk,
      p384.jwk,
      { ...key.jwk, crv: 'P-384' },
      { ...key.jwk, use: 'enc' },
      { ...key.jwk, alg: 'ES384' },
      { ...key.jwk, key_ops: ['sign'] },
      { ...key.jwk, kid: 'other' },
    ];
    for (const jwk of cases) {
      expect(await verdict(as, token, jwksEndpoint([jwk]))).toMatch(/matches no key/);
    }
    for (const jwk of [{ ...key.jwk, use: 'sig', alg: 'ES256', key_ops: ['verify'] }, key.jwk]) {
      expect(await verdict(as, token, jwksEndpoint([jwk]))).toBe('valid');
    }
  });

  it('skips a key whose "key_ops" is not an array, with an invalid_response, not a TypeError', async () => {
    const key = await signingKey('RS256');
    for (const key_ops of [7, 'verify', { verify: true }]) {
      expect(await verdict(server(), await key.sign(), jwksEndpoint([{ ...key.jwk, key_ops }]))).toMatch(
        /matches no key/,
      );
    }
  });

  it('ignores members of the JWKS that are not objects', async () => {
    const key = await signingKey('RS256');
    expect(await verdict(server(), await key.sign(), jwksEndpoint([null, 'x', 3, key.jwk]))).toBe('valid');
  });
});

describe('verifyIdToken: the JWKS', () => {
  it('downloads it without following redirects, asking for JSON, and keeps it for JWKS_MAX_AGE_MS', async () => {
    const key = await signingKey('RS256');
    const endpoint = jwksEndpoint([key.jwk]);
    const token = await key.sign();
    expect(await verdict(server(), token, endpoint)).toBe('valid');
    expect(endpoint.downloads).toHaveLength(1);
    expect(endpoint.downloads[0]?.init?.redirect).toBe('manual');
    expect(new Headers(endpoint.downloads[0]?.init?.headers).get('accept')).toMatch(/application\/json/);
    clock += JWKS_MAX_AGE_MS - 1;
    expect(await verdict(server(), token, endpoint)).toBe('valid');
    expect(endpoint.downloads).toHaveLength(1);
    clock += 1;
    expect(await verdict(server(), token, endpoint)).toBe('valid');
    expect(endpoint.downloads).toHaveLength(2);
  });

  it('downloads it again for an unknown "kid" (a rotation) at most once per JWKS_COOLDOWN_MS', async () => {
    const old = await signingKey('RS256', { kid: 'old' });
    const rotated = await signingKey('RS256', { kid: 'new' });
    const endpoint = jwksEndpoint([old.jwk]);
    expect(await verdict(server(), await old.sign({ kid: 'old' }), endpoint)).toBe('valid');
    endpoint.keys = [old.jwk, rotated.jwk];
    expect(await verdict(server(), await rotated.sign({ kid: 'new' }), endpoint)).toBe('valid');
    expect(endpoint.downloads).toHaveLength(2);
    const unknown = await old.sign({ kid: 'unknown' });
    for (let i = 0; i < 5; i++) expect(await verdict(server(), unknown, endpoint)).toMatch(/matches no key/);
    expect(endpoint.downloads).toHaveLength(2);
    clock += JWKS_COOLDOWN_MS;
    expect(await verdict(server(), unknown, endpoint)).toMatch(/matches no key/);
    expect(endpoint.downloads).toHaveLength(3);
  });

  it('refuses a JWKS answer that is not a 200 with a "keys" array, and does not keep it', async () => {
    const key = await signingKey('RS256');
    const endpoint = jwksEndpoint([key.jwk]);
    endpoint.status = 500;
    expect(await verdict(server(), await key.sign(), endpoint)).toMatch(/JWKS answered HTTP 500/);
    endpoint.status = 200;
    endpoint.keys = 'nope' as unknown as unknown[];
    expect(await verdict(server(), await key.sign(), endpoint)).toMatch(/without keys/);
    endpoint.keys = [key.jwk];
    expect(await verdict(server(), await key.sign(), endpoint)).toBe('valid');
  });

  it('refuses a plain-http or missing "jwks_uri" unless plain http is allowed (a loopback issuer)', async () => {
    const key = await signingKey('RS256');
    const endpoint = jwksEndpoint([key.jwk]);
    const insecure = { ...server(), jwks_uri: 'http://op.example/jwks' };
    expect(await verdict(insecure, await key.sign(), endpoint)).toMatch(/"jwks_uri" is not an https URL/);
    expect(await verdict({ issuer: 'https://op.example' }, await key.sign(), endpoint)).toMatch(/"jwks_uri"/);
    expect(endpoint.downloads).toEqual([]);
    expect(await verdict(insecure, await key.sign(), endpoint, http(endpoint, true))).toBe('valid');
  });
});

describe('verifyIdToken: the JWKS in the client storage', () => {
  const sign = async () => {
    const key = await signingKey('RS256');
    return { key, token: parseJwt(await key.sign(), 'the ID token') };
  };
  /** A verifier as a new page makes it: what its start-up read found, and a storage to write to. */
  const pageVerifier = (stored: unknown) => {
    const written: [string, unknown][] = [];
    const storage = {
      set: async (key: string, value: unknown) => {
        written.push([key, value]);
      },
    };
    return {
      verify: createIdTokenVerifier(() => clock, { storage, stored: Promise.resolve(stored) }),
      written,
    };
  };

  it('stores a downloaded JWKS, and a later page verifies with it: no download', async () => {
    const { key, token } = await sign();
    const endpoint = jwksEndpoint([key.jwk]);
    const first = pageVerifier(undefined);
    await first.verify(server(), token, http(endpoint));
    await Promise.resolve();
    expect(first.written).toEqual([
      [JWKS_KEY, { uri: 'https://op.example/jwks', at: clock, keys: [key.jwk] }],
    ]);
    clock += JWKS_MAX_AGE_MS - 1;
    const later = pageVerifier(first.written[0]?.[1]);
    await later.verify(server(), token, http(endpoint));
    expect(endpoint.downloads).toHaveLength(1);
  });

  it('downloads again when the stored JWKS is too old, from the future, for another URL or malformed', async () => {
    const { key, token } = await sign();
    const entry = { uri: 'https://op.example/jwks', at: clock, keys: [key.jwk] };
    const stale = [
      { ...entry, at: clock - JWKS_MAX_AGE_MS },
      { ...entry, at: clock + 1 },
      { ...entry, uri: 'https://other.example/jwks' },
      { ...entry, keys: 'x' },
      'garbage',
    ];
    for (const stored of stale) {
      const endpoint = jwksEndpoint([key.jwk]);
      await pageVerifier(stored).verify(server(), token, http(endpoint));
      expect(endpoint.downloads).toHaveLength(1);
    }
  });

  it('still finds a rotated key: an unknown kid downloads the JWKS past the stored one', async () => {
    const old = await signingKey('RS256', { kid: 'old' });
    const rotated = await signingKey('RS256', { kid: 'new' });
    const endpoint = jwksEndpoint([old.jwk, rotated.jwk]);
    const { verify } = pageVerifier({ uri: 'https://op.example/jwks', at: clock, keys: [old.jwk] });
    await verify(server(), parseJwt(await rotated.sign({ kid: 'new' }), 'the ID token'), http(endpoint));
    expect(endpoint.downloads).toHaveLength(1);
  });
});
