import type { Page } from '@playwright/test';

/** The client's IndexedDB database as a test sees it (see {@link readStoredSession}). */
export interface StoredSession {
  /** Every key of the client's store (`session`, `token:…`, `dpop`, …). */
  keys: string[];
  /** The stored tokens, one entry per audience and scope. */
  tokens: { accessToken: string; tokenType: string; refreshToken?: string }[];
  /**
   * The stored DPoP key: whether WebCrypto lets its private key be exported, and the public key's
   * `x` (public keys are always exportable), which tells one key from another.
   */
  dpopKey:
    | { extractable: boolean; exported: 'rejected' | 'resolved'; publicX: string | undefined }
    | undefined;
}

/**
 * Reads the client's IndexedDB database (`sesame:{clientId}`) in `page` as script on the app's
 * origin can (an XSS, a compromised dependency): its keys, the tokens, and the DPoP key, which
 * the test tries to export with `crypto.subtle.exportKey`.
 */
export function readStoredSession(page: Page, clientId = 'sesame-spa'): Promise<StoredSession> {
  return page.evaluate(async (name) => {
    const settle = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const result: StoredSession = { keys: [], tokens: [], dpopKey: undefined };
    // Opening a database that is not there would make it: look first.
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return result;
    const db = await settle(indexedDB.open(name));
    if (db.objectStoreNames.contains('session')) {
      const store = db.transaction('session').objectStore('session');
      const [keys, values] = await Promise.all([settle(store.getAllKeys()), settle(store.getAll())]);
      for (const [i, key] of keys.entries()) {
        const value = values[i];
        result.keys.push(String(key));
        if (String(key).startsWith('token:')) result.tokens.push(value);
        if (key === 'dpop') {
          const { privateKey, publicKey } = value.keyPair as CryptoKeyPair;
          const exported = await crypto.subtle.exportKey('jwk', privateKey).then(
            () => 'resolved' as const,
            () => 'rejected' as const,
          );
          const { x: publicX } = await crypto.subtle.exportKey('jwk', publicKey);
          result.dpopKey = { extractable: privateKey.extractable, exported, publicX };
        }
      }
    }
    db.close();
    return result;
  }, `sesame:${clientId}`);
}
