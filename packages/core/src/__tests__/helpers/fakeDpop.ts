import { b64u, type FakeServer, json } from './fakeServer.js';

const encoder = new TextEncoder();
const decode = (part: string) =>
  JSON.parse(
    new TextDecoder().decode(
      Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    ),
  );
const sha256 = async (text: string) =>
  b64u(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));

/** A DPoP proof that passed the checks of {@link verifyProof}. */
export interface CheckedProof {
  /** The JWK thumbprint (RFC 7638) of the proof's key: what a bound token is bound to. */
  jkt: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/**
 * Checks a DPoP proof as a server does (RFC 9449 §4.3): `typ`, ES256 signature by the embedded
 * public key (which must hold no private part), `htm`, `htu`, and `ath` when an access token is given.
 * @throws {Error} naming the first failed check
 */
export async function verifyProof(
  proof: string | null,
  htm: string,
  url: URL,
  accessToken?: string,
): Promise<CheckedProof> {
  if (!proof) throw new Error('no DPoP proof');
  const [h = '', p = '', s = ''] = proof.split('.');
  const header = decode(h) as { typ?: string; alg?: string; jwk?: JsonWebKey };
  const payload = decode(p) as Record<string, unknown>;
  if (header.typ !== 'dpop+jwt' || header.alg !== 'ES256' || !header.jwk) throw new Error('bad proof header');
  if ('d' in header.jwk) throw new Error('the proof carries a private key');
  const key = await crypto.subtle.importKey(
    'jwk',
    header.jwk,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  const signature = Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const valid = await crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    signature,
    encoder.encode(`${h}.${p}`),
  );
  if (!valid) throw new Error('bad proof signature');
  if (payload.htm !== htm) throw new Error(`htm ${payload.htm} is not ${htm}`);
  if (payload.htu !== `${url.origin}${url.pathname}`) throw new Error(`htu ${payload.htu} is not ${url}`);
  if (typeof payload.jti !== 'string' || typeof payload.iat !== 'number') throw new Error('no jti or iat');
  if (accessToken !== undefined && payload.ath !== (await sha256(accessToken)))
    throw new Error('ath does not match');
  const jwk = await crypto.subtle.importKey('jwk', header.jwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'verify',
  ]);
  return { jkt: await thumbprint(jwk), header, payload };
}

/** The JWK thumbprint (RFC 7638) of a public key, as {@link CheckedProof.jkt}. */
export async function thumbprint(publicKey: CryptoKey): Promise<string> {
  const { crv, kty, x, y } = await crypto.subtle.exportKey('jwk', publicKey);
  return sha256(JSON.stringify({ crv, kty, x, y }));
}

/**
 * Turns the fake server's token endpoint into a DPoP one: a token request with a valid proof gets
 * `token_type: "DPoP"` tokens bound to the proof's key; a refresh token is accepted only with a
 * proof of the key it is bound to; with `nonce` set, a proof without it gets `use_dpop_nonce`.
 * Requests without a proof are answered as before (Bearer). `/userinfo` accepts a bound access
 * token only as `Authorization: DPoP` with a proof of its key for the request and token (`ath`),
 * as the tenant does (`401` with a `DPoP` challenge otherwise, `use_dpop_nonce` likewise).
 */
export function withDpop(server: FakeServer) {
  const inner = server.fetch;
  const dpop = {
    /** The nonce the server demands (none: no nonce needed). */
    nonce: undefined as string | undefined,
    /** What each bound token is bound to (JWK thumbprint), access and refresh tokens alike. */
    boundTo: new Map<string, string>(),
    /** The proofs of the token requests, in order. */
    proofs: [] as CheckedProof[],
    /** The valid proofs sent to `/userinfo`, in order. */
    userinfoProofs: [] as CheckedProof[],
  };
  const refuse = (error: string, headers: Record<string, string> = {}) =>
    json({ error }, 401, { 'www-authenticate': `DPoP error="${error}", algs="ES256"`, ...headers });
  const userinfo = async (input: RequestInfo | URL, init: RequestInit | undefined, url: URL) => {
    const headers = new Headers(init?.headers);
    const [scheme = '', token = ''] = (headers.get('authorization') ?? '').split(' ');
    const jkt = dpop.boundTo.get(token);
    if (!jkt) return inner(input, init);
    if (scheme !== 'DPoP') return refuse('invalid_token');
    let checked: CheckedProof;
    try {
      checked = await verifyProof(headers.get('dpop'), 'GET', url, token);
    } catch {
      return refuse('invalid_dpop_proof');
    }
    if (checked.jkt !== jkt) return refuse('invalid_dpop_proof');
    if (dpop.nonce && checked.payload.nonce !== dpop.nonce)
      return refuse('use_dpop_nonce', { 'dpop-nonce': dpop.nonce });
    dpop.userinfoProofs.push(checked);
    // The proof checked, the route answers the token as it answers a Bearer one.
    headers.set('authorization', `Bearer ${token}`);
    return inner(input, { ...init, headers });
  };
  server.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const proof = new Headers(init?.headers).get('dpop');
    if (url.pathname === '/userinfo') return userinfo(input, init, url);
    if (url.pathname !== '/oauth/token') return inner(input, init);
    const refreshToken = new URLSearchParams(String(init?.body)).get('refresh_token');
    if (!proof) {
      // A bound refresh token is worth nothing without a proof of its key.
      if (refreshToken && dpop.boundTo.has(refreshToken)) return json({ error: 'invalid_grant' }, 400);
      return inner(input, init);
    }
    let checked: CheckedProof;
    try {
      checked = await verifyProof(proof, 'POST', url);
    } catch (error) {
      return json({ error: 'invalid_dpop_proof', error_description: (error as Error).message }, 400);
    }
    dpop.proofs.push(checked);
    if (dpop.nonce && checked.payload.nonce !== dpop.nonce) {
      return json({ error: 'use_dpop_nonce' }, 400, { 'dpop-nonce': dpop.nonce });
    }
    if (refreshToken && dpop.boundTo.get(refreshToken) !== checked.jkt) {
      return json({ error: 'invalid_grant', error_description: 'DPoP proof key mismatch' }, 400);
    }
    const response = await inner(input, init);
    if (!response.ok) return response;
    const body = (await response.json()) as Record<string, string>;
    for (const token of [body.access_token, body.refresh_token])
      if (token) dpop.boundTo.set(token, checked.jkt);
    return json({ ...body, token_type: 'DPoP' });
  }) as typeof fetch;
  return dpop;
}

/** A token endpoint that drops the DPoP header, as a server without DPoP support ignores it. */
export function dpopIgnoringFetch(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.delete('dpop');
    return fetch(input, { ...init, headers });
  }) as typeof globalThis.fetch;
}
