import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, vi } from 'vitest';

/** The object-store operations a fault can hit. */
export type StoreOperation = 'get' | 'put' | 'delete' | 'clear';

/** A fault on the next `times` calls of `operation`: a thrown DOMException, or no answer at all. */
export interface StoreFault {
  readonly operation: StoreOperation;
  times: number;
  /** A DOMException name such as `QuotaExceededError`; omitted: the request never answers. */
  readonly error?: string;
}

/** Forwards every property to `target` (methods bound to it), except those `override` returns. */
function wrap<T extends object>(target: T, override: (name: PropertyKey) => unknown): T {
  return new Proxy(target, {
    get(t, name) {
      const replaced = override(name);
      if (replaced !== undefined) return replaced;
      const value = Reflect.get(t, name, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
    set: (t, name, value) => Reflect.set(t, name, value, t),
  });
}

const never = () => wrap({} as IDBRequest, () => undefined);

/**
 * A real IndexedDB (fake-indexeddb, fresh and isolated) whose object-store operations fail as
 * `faults` say: a browser's IndexedDB whose disk is full, whose connection breaks, or that hangs.
 * Push faults at any time; each is used up after `times` calls.
 *
 * @example
 * const idb = faultyIndexedDB();
 * idb.faults.push({ operation: 'put', times: 1, error: 'QuotaExceededError' });
 */
export function faultyIndexedDB(factory: IDBFactory = new IDBFactory()) {
  const faults: StoreFault[] = [];
  const store = (s: IDBObjectStore) =>
    wrap(s, (name) => {
      const fault = faults.find((f) => f.operation === name && f.times > 0);
      if (!fault) return undefined;
      return () => {
        fault.times--;
        if (!fault.error) return never();
        throw new DOMException(`injected ${fault.error}`, fault.error);
      };
    });
  const database = (db: IDBDatabase) =>
    wrap(db, (name) =>
      name === 'transaction'
        ? (names: string, mode?: IDBTransactionMode) => {
            const tx = db.transaction(names, mode);
            return wrap(tx, (n) =>
              n === 'objectStore' ? (s: string) => store(tx.objectStore(s)) : undefined,
            );
          }
        : undefined,
    );
  const indexedDB = wrap(factory, (name) =>
    name === 'open'
      ? (dbName: string, version?: number) => {
          const request = factory.open(dbName, version);
          return wrap(request, (n) => (n === 'result' ? database(request.result) : undefined));
        }
      : undefined,
  );
  return { indexedDB, faults, factory };
}

/** An `indexedDB` whose `open()` throws (as in some private modes). */
export const throwingIndexedDB = {
  open() {
    throw new DOMException('blocked in this mode', 'InvalidStateError');
  },
} as unknown as IDBFactory;

/** An `indexedDB` whose `open()` never answers (seen in the wild on some browsers). */
export const silentIndexedDB = { open: never } as unknown as IDBFactory;

/**
 * Gives this test file a global `indexedDB` of its own (fresh fake-indexeddb), removed after the
 * file: what `import 'fake-indexeddb/auto'` gives, without leaving it to the next file of a worker
 * that runs files without isolation (where a file expecting no IndexedDB would then find one).
 * Call at the top level of the file.
 */
export function ownGlobalIndexedDB() {
  beforeAll(() => {
    vi.stubGlobal('indexedDB', new IDBFactory());
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
}
