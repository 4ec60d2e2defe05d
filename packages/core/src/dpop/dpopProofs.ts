import { base64url } from '../oauth/base64url.js';
import { challengeOf } from '../oauth/challengeOf.js';
import type { AuthLock, AuthStorage, DpopOption } from '../types.js';

/** The client's DPoP key as stored: non-extractable, with an id that names its nonce cache. */
interface StoredKey {
  id: string;
  keyPair: CryptoKeyPair;
}

/** What the client's requests need of DPoP (RFC 9449). */
export interface DpopProofs {
  /**
   * A proof of the stored key (made on first use, under the cross-tab lock) for one request:
   * `htm`, `htu` (the URL without query and fragment), `iat`, a fresh `jti`, the nonce the
   * server last sent for that origin, and `ath` when an access token goes with the request.
   */
  proof(method: string, url: URL, accessToken?: string): Promise<string>;
  /** Keeps the nonce an answer carries (`DPoP-Nonce`) for the next proofs to its origin. */
  remember(url: URL, response: Response): void;
  /**
   * Sends one request with a proof for its method and URL (and `accessToken`, when one goes with
   * it) in the `DPoP` header, and remembers the nonce of the answer: what every request that
   * carries a proof does.
   */
  send(fetch: typeof globalThis.fetch, url: URL, init: RequestInit, accessToken?: string): Promise<Response>;
  /**
   * Sends a request that carries a proof, and once more when the server asks for a nonce
   * (`use_dpop_nonce`): the second proof carries it. Never more than twice.
   */
  retried<T>(send: () => Promise<T>): Promise<T>;
  /**
   * Looks at an answer to a request that carried a proof: `true` when the server asked for a
   * nonce (`use_dpop_nonce`), so the request is worth sending once more with it. (A token answer
   * that came back as Bearer is refused where every token answer is checked, `acceptTokens`: the
   * server rotated the token it answered, which must then count as spent.)
   */
  needsNonce(response: Response): Promise<boolean>;
  /**
   * Wraps `fetch` for the Authentication API's login grants, which send bodies of their own (JSON
   * where Auth0 wants it): each `POST` to `tokenEndpoint` carries a proof of the key (with the
   * server's nonce once it sent one) and is sent once more on `use_dpop_nonce`. Other requests
   * pass through untouched.
   */
  tokenFetch(fetch: typeof globalThis.fetch, tokenEndpoint: string): typeof globalThis.fetch;
  /** Drops the key and the servers' nonces from memory (the session ended: logout here or in another tab). */
  forget(): void;
}

export const DPOP_KEY = 'dpop';

/** The JSON body of a response, read from a clone (the caller still reads the original). */
const jsonOf = <T>(response: Response): Promise<T | undefined> =>
  response
    .clone()
    .json()
    .then((body: unknown) => (typeof body === 'object' && body !== null ? (body as T) : undefined))
    .catch(() => undefined);
const isCryptoKey = (value: unknown): value is CryptoKey =>
  typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;

const isStoredKey = (value: unknown): value is StoredKey => {
  const key = value as StoredKey | undefined;
  return (
    typeof key?.id === 'string' && isCryptoKey(key.keyPair?.privateKey) && isCryptoKey(key.keyPair.publicKey)
  );
};

/**
 * DPoP for one client: an ES256 key pair made with `extractable: false` (script on the page can
 * sign with it, never read it), kept in the client's storage beside the session, so it is shared
 * by tabs, survives reloads and is deleted with everything else on logout.
 *
 * @see [RFC 9449](https://www.rfc-editor.org/rfc/rfc9449.html)
 */
export function dpopProofs(
  config: Parameters<DpopOption['create']>[0],
  storage: AuthStorage,
  lock: AuthLock,
): DpopProofs {
  const read = async () => {
    const stored = await storage.get<unknown>(DPOP_KEY);
    return isStoredKey(stored) ? stored : undefined;
  };
  const create = async (): Promise<StoredKey> => {
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const key = { id: config.random(), keyPair };
    await storage.set(DPOP_KEY, key);
    return key;
  };
  const encoder = new TextEncoder();
  const sign = async (key: CryptoKey, header: object, payload: object) => {
    const input = [header, payload].map((part) => base64url(encoder.encode(JSON.stringify(part)))).join('.');
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      encoder.encode(input),
    );
    return `${input}.${base64url(signature)}`;
  };
  // The stored key with its public JWK, and the nonces each server sent, kept across requests;
  // dropped by forget() when the session ends (DESIGN property 7).
  let current:
    | { id: string; privateKey: CryptoKey; jwk: JsonWebKey; nonces: Map<string, string> }
    | undefined;
  const proofs: DpopProofs = {
    async proof(method, url, accessToken) {
      // Another tab may be making the key right now: one key per client, made under the lock.
      const key =
        (await read()) ??
        (await lock.run(`sesame:${config.clientId}:dpop`, async () => (await read()) ?? create()));
      if (current?.id !== key.id) {
        const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', key.keyPair.publicKey);
        current = {
          id: key.id,
          privateKey: key.keyPair.privateKey,
          jwk: { kty, crv, x, y },
          nonces: new Map(),
        };
      }
      const nonce = current.nonces.get(url.origin);
      return sign(
        current.privateKey,
        { typ: 'dpop+jwt', alg: 'ES256', jwk: current.jwk },
        {
          iat: Math.floor(config.now() / 1000),
          jti: config.random(),
          htm: method,
          htu: `${url.origin}${url.pathname}`,
          ...(nonce && { nonce }),
          ...(accessToken !== undefined && {
            ath: base64url(await crypto.subtle.digest('SHA-256', encoder.encode(accessToken))),
          }),
        },
      );
    },
    remember(url, response) {
      const nonce = response.headers.get('dpop-nonce');
      if (nonce) current?.nonces.set(url.origin, nonce);
    },
    async send(fetch, url, init, accessToken) {
      const headers = new Headers(init.headers);
      headers.set('dpop', await proofs.proof((init.method ?? 'GET').toUpperCase(), url, accessToken));
      const response = await fetch(url.href, { ...init, headers });
      proofs.remember(url, response);
      return response;
    },
    async retried(send) {
      const result = await send();
      return result instanceof Response && (await proofs.needsNonce(result)) ? send() : result;
    },
    forget() {
      current = undefined;
    },
    async needsNonce(response) {
      if (response.status !== 400 && response.status !== 401) return false;
      if (challengeOf(response, 'dpop')?.error === 'use_dpop_nonce') return true;
      return (await jsonOf<{ error?: unknown }>(response))?.error === 'use_dpop_nonce';
    },
    tokenFetch(fetch, tokenEndpoint) {
      const url = new URL(tokenEndpoint);
      return (input, init = {}) =>
        String(input) !== url.href || init.method !== 'POST'
          ? fetch(input, init)
          : proofs.retried(() => proofs.send(fetch, url, init));
    },
  };
  return proofs;
}
