import { AuthError } from '../errors/AuthError.js';
import type { AuthStorage } from '../types.js';
import { inBrowser } from '../util/inBrowser.js';
import { memoryStorage } from './memoryStorage.js';
import { updateEntries } from './updateEntries.js';

/** Injectables of {@link idbStorage}, for tests. */
export interface IdbStorageOptions {
  /** Default: the global `indexedDB`, read when the storage is first used. */
  readonly indexedDB?: IDBFactory;
  /** Bound of opening the database and of each operation. Default: 3000 ms. */
  readonly timeoutMs?: number;
}

/** `AuthStorage` in IndexedDB, saying whether it fell back to memory at start. */
export interface IdbStorage extends AuthStorage {
  /** True once IndexedDB proved unusable at start and the session lives in this tab's memory. */
  inMemory(): boolean;
}

const STORE = 'session';

const settle = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Rejects when `promise` has not settled within `ms`. */
const bound = <T>(promise: Promise<T>, ms: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`IndexedDB did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

/**
 * Opens the database, adding the object store when the database exists without it (made by
 * something else, or an upgrade that did not finish): the stored state is discarded, not fatal.
 */
function open(factory: IDBFactory, name: string, version?: number): Promise<IDBDatabase> {
  const request = factory.open(name, version);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
  };
  return settle(request).then((db) => {
    if (db.objectStoreNames.contains(STORE)) return db;
    console.warn('[sesame] the IndexedDB database had no session store; it was recreated.');
    db.close();
    return open(factory, name, db.version + 1);
  });
}

/**
 * An `AuthStorage` in IndexedDB, in a database of its own (`sesame:{clientId}`), shared by
 * every tab of the origin.
 *
 * - Unusable **at start** (no API, `open` throws or fails, or no answer within the bound, as in
 *   some private modes): one console warning, and the session is kept in this tab's memory.
 * - A **later** failure or timeout of one operation is retried once on a fresh connection,
 *   then rejected with `AuthError('storage_error')`; the store is never swapped for an empty one.
 *
 * Every call settles within twice the bound (open and operation), so start-up never hangs.
 * On a server (no `window`: server-side rendering) it uses memory without a warning.
 */
export function idbStorage(clientId: string, options: IdbStorageOptions = {}): IdbStorage {
  const timeoutMs = options.timeoutMs ?? 3000;
  let memory: AuthStorage | undefined;
  let connection: Promise<IDBDatabase> | undefined;
  const connect = () => {
    connection ??= bound(
      // Opened now, not a microtask later (after the rest of a start-up's synchronous work); a
      // missing or throwing `indexedDB` still becomes a rejection.
      new Promise<IDBDatabase>((resolve) =>
        resolve(open(options.indexedDB ?? indexedDB, `sesame:${clientId}`)),
      ),
      timeoutMs,
    ).then((db) => {
      // Closed by the browser, or another tab needs a new version: reconnect on the next call.
      db.onclose = () => (connection = undefined);
      db.onversionchange = () => {
        db.close();
        connection = undefined;
      };
      return db;
    });
    return connection;
  };
  // On a server (server-side rendering) there is no IndexedDB to miss: memory, without a warning.
  const serverSide = async () => {
    memory = memoryStorage();
    return false;
  };
  // Opened on first use, not at creation: a client that never touches its storage creates no database.
  let started: Promise<boolean> | undefined;
  const start = () =>
    (started ??= !inBrowser()
      ? serverSide()
      : connect().then(
          () => true,
          (cause: unknown) => {
            connection = undefined;
            memory = memoryStorage();
            console.warn(
              '[sesame] IndexedDB is unavailable; the session is kept in memory for this tab only.',
              cause instanceof Error ? cause.message : '',
            );
            return false;
          },
        ));

  const transact = async (write: boolean, use: (store: IDBObjectStore) => Promise<unknown>) => {
    const tx = (await connect()).transaction(STORE, write ? 'readwrite' : 'readonly');
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
    });
    const result = use(tx.objectStore(STORE));
    const all = Promise.all([result, committed]).then(([value]) => value);
    // A write counts only once committed: a full disk (QuotaExceededError) shows up there. A read is
    // done when its requests have answered, before the transaction's `complete` (a start-up's token
    // is not kept waiting for it); a failed request aborts the transaction, which `all` reports.
    return write ? all : Promise.race([result, all]);
  };

  const run = async (
    what: string,
    write: boolean,
    use: (store: IDBObjectStore) => Promise<unknown>,
    fallback: (m: AuthStorage) => Promise<unknown>,
  ): Promise<unknown> => {
    if (!(await start()) && memory) return fallback(memory);
    for (let attempt = 1; ; attempt++) {
      try {
        return await bound(transact(write, use), timeoutMs);
      } catch (cause) {
        connection = undefined;
        if (attempt === 2) throw new AuthError('storage_error', `IndexedDB failed to ${what}`, { cause });
      }
    }
  };
  const done = () => undefined;

  return {
    inMemory: () => memory !== undefined,
    get: <T>(key: string) =>
      run(
        'read',
        false,
        (s) => settle(s.get(key)),
        (m) => m.get(key),
      ) as Promise<T | undefined>,
    set: (key, value) =>
      run(
        'write',
        true,
        (s) => settle(s.put(value, key)),
        (m) => m.set(key, value),
      ).then(done),
    del: (key) =>
      run(
        'delete',
        true,
        (s) => settle(s.delete(key)),
        (m) => m.del(key),
      ).then(done),
    clear: () =>
      run(
        'clear',
        true,
        (s) => settle(s.clear()),
        (m) => m.clear(),
      ).then(done),
    // The reads, then the writes, in one transaction. A transaction answers its requests in order,
    // so `change` runs in the last read's callback, while the transaction is still active.
    update: (keys, change) =>
      run(
        'update',
        change !== undefined,
        (s) =>
          new Promise((resolve) => {
            const reads = keys.map((key) => s.get(key));
            const write = () => {
              const values = reads.map((read) => read.result);
              for (const [key, value] of Object.entries(change?.(values) ?? {})) {
                if (value === undefined) s.delete(key);
                else s.put(value, key);
              }
              resolve(values);
            };
            const last = reads[reads.length - 1];
            if (last) last.onsuccess = write;
            else write();
          }),
        (m) => updateEntries(m, keys, change),
      ) as Promise<unknown[]>,
  };
}
