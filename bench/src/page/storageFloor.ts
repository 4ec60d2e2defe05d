const name = 'bench-storage-floor';
let database: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('entries');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One read-write transaction: `work` queues its requests; resolves once it has committed. */
function transaction(db: IDBDatabase, work: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('entries', 'readwrite');
    work(tx.objectStore('entries'));
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

// About the size of a session and of one audience's tokens: JWTs of a few hundred bytes.
const entry = (n: number) => ({ token: 'x'.repeat(900), refresh: 'y'.repeat(60), at: n });

/**
 * What Sesame's forced refresh does around its one request, without any library: a Web Lock held
 * over two IndexedDB read-write transactions on a scratch database of this page's origin, the first
 * reading two entries and writing one (the re-read under the lock and the write-ahead record), the
 * second writing two (the rotated tokens and the session). Resolves with the milliseconds it took;
 * the database is opened by the first call, which the caller leaves untimed.
 */
export async function storageFloor(): Promise<number> {
  database ??= open();
  const db = await database;
  const start = performance.now();
  await navigator.locks.request(name, async () => {
    await transaction(db, (store) => {
      let read = 0;
      const written = () => {
        if (++read === 2) store.put(entry(read), 'token');
      };
      store.get('session').onsuccess = written;
      store.get('token').onsuccess = written;
    });
    await transaction(db, (store) => {
      store.put(entry(1), 'token');
      store.put(entry(2), 'session');
    });
  });
  return performance.now() - start;
}
