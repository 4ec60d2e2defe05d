import { clear, createStore, del, get, set } from 'idb-keyval';
import type { AuthStorage } from '../types.js';
import { inBrowser } from '../util/inBrowser.js';
import { memoryStorage } from './memoryStorage.js';

/**
 * An `AuthStorage` in IndexedDB, in a database of its own (`sesame:{clientId}`), shared by
 * every tab of the origin. Where IndexedDB is missing or fails (some private modes), it warns
 * once on the console and keeps the session in memory instead; it never throws for that.
 * On a server (no `window`: server-side rendering) it uses memory without a warning.
 */
export function idbStorage(clientId: string): AuthStorage {
  let backend: AuthStorage | undefined;
  const fallback = (cause?: unknown): AuthStorage => {
    console.warn(
      '[sesame] IndexedDB is unavailable; the session is kept in memory for this tab only.',
      cause ?? '',
    );
    backend = memoryStorage();
    return backend;
  };
  if (!inBrowser()) backend = memoryStorage();
  else if (typeof indexedDB === 'undefined') fallback();
  // Created lazily: createStore opens the database on first use.
  let store: ReturnType<typeof createStore> | undefined;
  const run = async <T>(op: (s: AuthStorage) => Promise<T>): Promise<T> => {
    if (backend) return op(backend);
    try {
      store ??= createStore(`sesame:${clientId}`, 'session');
      const s = store;
      return await op({
        get: (key) => get(key, s),
        set: (key, value) => set(key, value, s),
        del: (key) => del(key, s),
        clear: () => clear(s),
      });
    } catch (cause) {
      return op(backend ?? fallback(cause instanceof Error ? cause.name : undefined));
    }
  };
  return {
    get: (key) => run((s) => s.get(key)),
    set: (key, value) => run((s) => s.set(key, value)),
    del: (key) => run((s) => s.del(key)),
    clear: () => run((s) => s.clear()),
  };
}
