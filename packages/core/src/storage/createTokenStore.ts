import { AuthError } from '../errors/AuthError.js';
import type { AuthStorage, IdTokenClaims, User } from '../types.js';
import type { SessionHint } from './sessionHint.js';
import { updateEntries } from './updateEntries.js';

// The server's public documents: the discovery document (server/discovery.ts) and the JWKS
// (tokens/verifyIdToken.ts). No secret is in them, so a logout keeps them.
const PUBLIC_KEYS = ['discovery', 'jwks'];

/** The signed-in user: stored once per session, whatever the audiences. */
export interface StoredSession {
  /** The raw ID token, kept for `getIdTokenClaims().__raw`. */
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
  /** When the token was accepted (client's clock, ms): with `expiresAt`, its lifetime. */
  readonly issuedAt?: number;
  readonly refreshToken: string | undefined;
  /**
   * Write-ahead record: how many requests presented `refreshToken` without an answer being
   * recorded (written before each is sent). Non-zero means the server may have rotated the token
   * (no answer, a reset, a tab closed mid-refresh, the rotated token never stored): it is in doubt.
   */
  readonly unanswered?: number;
  /** No refresh before `at` (client clock, ms): back-off after `failures` failed tries, shared by the tabs. */
  readonly retry?: { readonly at: number; readonly failures: number; readonly code: string };
}

/** The store key of the tokens for `audience` and `scope` (scope order does not matter). */
export function tokenKey(audience: string | undefined, scope: string): string {
  return `token:${audience ?? ''}|${scope.split(' ').sort().join(' ')}`;
}

export type TokenStore = ReturnType<typeof createTokenStore>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** The shape a stored value must have to be used; anything else (an older version, garbage) is discarded. */
const SHAPES: Record<'session' | 'token', (value: Record<string, unknown>) => boolean> = {
  session: (v) =>
    typeof v.idToken === 'string' &&
    isObject(v.claims) &&
    typeof v.claims.sub === 'string' &&
    isObject(v.user) &&
    v.user.sub === v.claims.sub,
  token: (v) =>
    typeof v.accessToken === 'string' &&
    typeof v.tokenType === 'string' &&
    Number.isFinite(v.expiresAt) &&
    optionalString(v.refreshToken) &&
    optionalString(v.scope),
};

/** Runs a storage operation; whatever it throws becomes `storage_error` (an `AuthError` is kept). */
const guard = async <T>(what: string, operation: () => Promise<T>): Promise<T> => {
  try {
    return await operation();
  } catch (cause) {
    throw cause instanceof AuthError
      ? cause
      : new AuthError('storage_error', `the storage failed to ${what}`, { cause });
  }
};

/**
 * Typed access to the session in an `AuthStorage`, with a memory cache in front of it so that
 * a cache-hit `getTokenSilently` touches no IndexedDB. Only `acceptTokens`, refresh bookkeeping
 * and logout write. Other tabs' writes reach this one as tab-sync messages, which call
 * `forget()`; so `hooks.onFirst` (the cache starts holding something) must start listening to
 * them and `hooks.onLast` (it is empty again) may stop. Reads that must see other tabs' writes
 * without waiting for a message (the store re-read under the refresh lock) pass `fresh`.
 */
export function createTokenStore(
  storage: AuthStorage,
  hooks: { onFirst?: () => void; onLast?: () => void } = {},
  hint?: SessionHint,
) {
  const cache = new Map<string, unknown>();
  // Bumped by every write and forget: a read that started before one does not fill the cache.
  let version = 0;
  // Only values are kept, not absences: a client with nothing in memory need not listen to other tabs.
  const remember = (key: string, value: unknown) => {
    if (value === undefined) {
      if (cache.delete(key) && cache.size === 0) hooks.onLast?.();
      return;
    }
    cache.set(key, value);
    if (cache.size === 1) hooks.onFirst?.();
  };
  /**
   * Reads `keys` from the storage and writes the entries `change` returns for the values read, in
   * one operation (a write is tried once more on failure); then the cache follows: what was written
   * always, what was read only if nothing was written or forgotten meanwhile. A value of an
   * unexpected shape reads as absent and is deleted. The `extra` keys are read in the same operation
   * and returned last as they are: not checked, not cached.
   */
  const update = async (
    keys: readonly string[],
    change?: (values: unknown[]) => Record<string, unknown> | undefined,
    extra: readonly string[] = [],
  ) => {
    const seen = version;
    const shape = (i: number) => (keys[i] === 'session' ? 'session' : 'token');
    const usable = (value: unknown, i: number) =>
      isObject(value) && SHAPES[shape(i)](value) ? value : undefined;
    let writes: Record<string, unknown> = {};
    const attempt = () =>
      updateEntries(
        storage,
        [...keys, ...extra],
        change && ((raw) => (writes = change(raw.map(usable)) ?? {})),
      );
    const raw = await guard(change ? 'write' : 'read', () => (change ? attempt().catch(attempt) : attempt()));
    const values = raw.map(usable);
    for (const [i, key] of keys.entries()) {
      if (raw[i] !== undefined && !values[i] && !(key in writes)) {
        console.warn(`[sesame] a stored ${shape(i)} of an unexpected shape was discarded.`);
        await guard('delete', () => storage.del(key));
      }
      if (seen === version) remember(key, values[i]);
    }
    if (change) version++;
    for (const key in writes) remember(key, writes[key]);
    return [...values.slice(0, keys.length), ...raw.slice(keys.length)];
  };
  const read = async <T>(key: string, fresh: boolean): Promise<T | undefined> =>
    !fresh && cache.has(key) ? (cache.get(key) as T) : ((await update([key]))[0] as T | undefined);
  const write = (key: string, value: unknown) => update([], () => ({ [key]: value }));
  const forget = () => {
    version++;
    if (cache.size === 0) return;
    cache.clear();
    hooks.onLast?.();
  };
  return {
    /** What the memory cache holds for `key`, synchronously; `undefined` when it holds nothing. */
    peek: <T extends StoredSession | StoredToken>(key: string) => cache.get(key) as T | undefined,
    readSession: (fresh = false) => read<StoredSession>('session', fresh),
    readToken: (key: string, fresh = false) => read<StoredToken>(key, fresh),
    /**
     * Reads the session and the tokens under `key` from the storage (not the cache) in one
     * operation. `change` may return new tokens for `key`, written in that same operation: under
     * the refresh lock, the re-read and the write-ahead record cost one IndexedDB transaction.
     * The `extra` keys (outside the session: the start-up's discovery document and JWKS) are read
     * in that operation too and returned after the tokens, unchecked and uncached.
     */
    readBoth: async (
      key: string,
      change?: (
        token: StoredToken | undefined,
        session: StoredSession | undefined,
      ) => StoredToken | undefined,
      extra?: readonly string[],
    ) =>
      (await update(
        ['session', key],
        change &&
          (([session, token]) => {
            const changed = change(token as StoredToken | undefined, session as StoredSession | undefined);
            return changed && { [key]: changed };
          }),
        extra,
      )) as [StoredSession | undefined, StoredToken | undefined, ...unknown[]],
    /** Writes the tokens under `key` and, when given, the session, in one operation. */
    writeTokens: async (key: string, token: StoredToken, session?: StoredSession) => {
      await update([], () => ({ [key]: token, ...(session && { session }) }));
      if (session) hint?.set();
    },
    writeToken: (key: string, token: StoredToken) => write(key, token),
    dropToken: (key: string) => write(key, undefined),
    /** Empties the memory cache: the next reads go to the storage (another tab wrote to it). */
    forget,
    /**
     * Removes every token, the user, the DPoP key and every transaction. The memory cache and the
     * sign-in hint go first, so a failing storage (`storage_error`) leaves nothing in this tab's
     * memory. The server's public documents (discovery, JWKS) are put back, best effort: the next
     * login needs no download.
     */
    clear: async () => {
      forget();
      hint?.clear();
      const kept = await Promise.all(PUBLIC_KEYS.map((key) => storage.get(key).catch(() => undefined)));
      await guard('clear', () => storage.clear());
      await Promise.all(
        PUBLIC_KEYS.map((key, i) =>
          kept[i] === undefined ? undefined : storage.set(key, kept[i]).catch(() => undefined),
        ),
      );
      forget();
    },
  };
}
