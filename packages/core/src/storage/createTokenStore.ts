import type { AuthStorage, IdTokenClaims, User } from '../types.js';

/** The signed-in user: stored once per session, whatever the audiences. */
export interface StoredSession {
  /** The raw ID token, kept for `id_token_hint` and `getIdTokenClaims().__raw`. */
  readonly idToken: string;
  readonly claims: Omit<IdTokenClaims, '__raw'>;
  readonly user: User;
}

/** The tokens of one audience and scope. */
export interface StoredToken {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly scope: string | undefined;
  /** Milliseconds since the epoch, on the client's clock. */
  readonly expiresAt: number;
  readonly refreshToken: string | undefined;
  /**
   * The refresh token was sent in a request whose outcome is unknown (network error,
   * timeout, 5xx). The server may have rotated it, so it is never sent again.
   */
  readonly refreshTokenSpent?: boolean;
}

/** The store key of the tokens for `audience` and `scope` (scope order does not matter). */
export function tokenKey(audience: string | undefined, scope: string): string {
  return `token:${audience ?? ''}|${scope.split(' ').sort().join(' ')}`;
}

export type TokenStore = ReturnType<typeof createTokenStore>;

/**
 * Typed access to the session in an `AuthStorage`. Only `acceptTokens`, refresh bookkeeping
 * and logout write to it; every read goes to the storage so that tabs see each other's writes.
 */
export function createTokenStore(storage: AuthStorage) {
  return {
    readSession: () => storage.get<StoredSession>('session'),
    readToken: (key: string) => storage.get<StoredToken>(key),
    writeSession: (session: StoredSession) => storage.set('session', session),
    writeToken: (key: string, token: StoredToken) => storage.set(key, token),
    dropToken: (key: string) => storage.del(key),
    /** Removes every token, the user and every transaction. */
    clear: () => storage.clear(),
  };
}
