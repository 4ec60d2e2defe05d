import {
  allowInsecureRequests,
  clockSkew,
  customFetch,
  DPoP,
  type DPoPHandle,
  genericTokenEndpointRequest,
  None,
} from 'oauth4webapi';
import { AuthError } from '../errors/AuthError.js';
import type { AuthLock, AuthStorage, DpopOption } from '../types.js';

/** The client's DPoP key as stored: non-extractable, with an id that names its nonce cache. */
interface StoredKey {
  id: string;
  keyPair: CryptoKeyPair;
}

/** What the client's requests need of DPoP (RFC 9449). */
export interface DpopProofs {
  /** The oauth4webapi handle of the stored key (made on first use, under the cross-tab lock). */
  handle(): Promise<DPoPHandle>;
  /**
   * Looks at an answer to a request that carried a proof: `true` when the server asked for a
   * nonce (`use_dpop_nonce`), so the request is worth sending once more with it; throws
   * `configuration_error` when a token response came back as a Bearer token (the server ignored
   * DPoP: never a silent downgrade).
   */
  needsNonce(response: Response): Promise<boolean>;
  /**
   * Wraps `fetch` for the Authentication API's login grants, which send bodies of their own (JSON
   * where Auth0 wants it): each `POST` to `tokenEndpoint` carries a proof of the key (with the
   * server's nonce once it sent one) and is sent once more on `use_dpop_nonce`; a Bearer answer is
   * `configuration_error`. Other requests pass through untouched.
   */
  tokenFetch(fetch: typeof globalThis.fetch, tokenEndpoint: string): typeof globalThis.fetch;
  /** Drops the key's handle from memory (the session ended: logout here or in another tab). */
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
  // The handle of the stored key, kept so that the nonces each server sent are remembered
  // across requests; dropped by forget() when the session ends (DESIGN property 7).
  let current: { id: string; handle: DPoPHandle } | undefined;
  const proofs: DpopProofs = {
    async handle() {
      // Another tab may be making the key right now: one key per client, made under the lock.
      const key =
        (await read()) ??
        (await lock.run(`sesame:${config.clientId}:dpop`, async () => (await read()) ?? create()));
      if (current?.id !== key.id) {
        const handle = DPoP({ [clockSkew]: Math.round((config.now() - Date.now()) / 1000) }, key.keyPair);
        current = { id: key.id, handle };
      }
      return current.handle;
    },
    forget() {
      current = undefined;
    },
    async needsNonce(response) {
      if (response.status === 200) {
        const body = await jsonOf<{ token_type?: unknown }>(response);
        if (typeof body?.token_type === 'string' && body.token_type.toLowerCase() === 'bearer') {
          throw new AuthError(
            'configuration_error',
            'the server answered a DPoP token request with a Bearer token: it does not support DPoP for this application',
          );
        }
        return false;
      }
      if (response.status !== 400 && response.status !== 401) return false;
      if (/error="?use_dpop_nonce/.test(response.headers.get('www-authenticate') ?? '')) return true;
      return (await jsonOf<{ error?: unknown }>(response))?.error === 'use_dpop_nonce';
    },
    tokenFetch(fetch, tokenEndpoint) {
      const url = new URL(tokenEndpoint);
      const as = { issuer: url.origin, token_endpoint: url.href };
      // oauth4webapi signs a proof only inside a request of its own: it makes one (proof, nonce
      // of the answer remembered by the handle) whose body and headers are the caller's.
      const send = async (init: RequestInit) =>
        genericTokenEndpointRequest(
          as,
          { client_id: config.clientId },
          None(),
          'urn:sesame:proof-only',
          new URLSearchParams(),
          {
            DPoP: await proofs.handle(),
            ...(url.protocol === 'http:' && { [allowInsecureRequests]: true }),
            [customFetch]: (href, { headers }) => {
              const withProof = new Headers(init.headers);
              withProof.set('dpop', String(headers.dpop));
              return fetch(href, { ...init, headers: withProof });
            },
          },
        );
      return async (input, init = {}) => {
        if (String(input) !== url.href || init.method !== 'POST') return fetch(input, init);
        const response = await send(init);
        return (await proofs.needsNonce(response)) ? send(init) : response;
      };
    },
  };
  return proofs;
}
