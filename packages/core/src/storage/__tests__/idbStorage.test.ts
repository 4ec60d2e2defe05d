import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  faultyIndexedDB,
  silentIndexedDB,
  throwingIndexedDB,
} from '../../__tests__/helpers/faultyIndexedDB.js';
import { idbStorage } from '../idbStorage.js';

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

// Short bounds so that the "no answer" cases end quickly; the outcome, not the time, is asserted.
const timeoutMs = 50;
// The cases where IndexedDB does answer keep the default bound (3 s): on a loaded machine a fake
// IndexedDB's answer can take longer than 50 ms, and a timeout would stand in for the fault tested.

async function expectMemoryFallback(indexedDB: IDBFactory | undefined) {
  const storage = idbStorage('client-x', { ...(indexedDB && { indexedDB }), timeoutMs });
  await storage.set('session', { user: { sub: 'u' } });
  expect(await storage.get('session')).toEqual({ user: { sub: 'u' } });
  await storage.del('session');
  expect(await storage.get('session')).toBeUndefined();
  expect(storage.inMemory()).toBe(true);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toContain('IndexedDB is unavailable');
}

describe('idbStorage', () => {
  it('keeps values in IndexedDB, shared by two instances (two tabs)', async () => {
    const factory = new IDBFactory();
    await idbStorage('client-x', { indexedDB: factory }).set('session', { user: { sub: 'u' } });
    const other = idbStorage('client-x', { indexedDB: factory });
    expect(await other.get('session')).toEqual({ user: { sub: 'u' } });
    expect(other.inMemory()).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  describe('unavailable at start: memory, one warning, never a throw', () => {
    it('no IndexedDB API', () => expectMemoryFallback(undefined));
    it('open() throws', () => expectMemoryFallback(throwingIndexedDB));
    it('open() never answers', () => expectMemoryFallback(silentIndexedDB));
  });

  describe('a later failure is retried, then surfaced; never a swap to an empty memory store', () => {
    it('one failed put (quota) is retried and the value is stored', async () => {
      const idb = faultyIndexedDB();
      const storage = idbStorage('client-x', { indexedDB: idb.indexedDB });
      await storage.get('session'); // started: IndexedDB works
      idb.faults.push({ operation: 'put', times: 1, error: 'QuotaExceededError' });
      await storage.set('session', { v: 1 });
      expect(idb.faults[0]?.times).toBe(0); // the fault did happen
      expect(await idbStorage('client-x', { indexedDB: idb.factory }).get('session')).toEqual({ v: 1 });
    });

    it('a put that keeps failing rejects with storage_error, and what was stored stays readable', async () => {
      const idb = faultyIndexedDB();
      const storage = idbStorage('client-x', { indexedDB: idb.indexedDB });
      await storage.set('session', { v: 1 });
      idb.faults.push({ operation: 'put', times: 2, error: 'QuotaExceededError' });
      await expect(storage.set('session', { v: 2 })).rejects.toMatchObject({
        name: 'AuthError',
        code: 'storage_error',
        cause: { name: 'QuotaExceededError' },
      });
      expect(await storage.get('session')).toEqual({ v: 1 });
      expect(storage.inMemory()).toBe(false);
      expect(warn).not.toHaveBeenCalled();
    });

    it('one failed clear() is retried and clears', async () => {
      const idb = faultyIndexedDB();
      const storage = idbStorage('client-x', { indexedDB: idb.indexedDB });
      await storage.set('session', { v: 1 });
      idb.faults.push({ operation: 'clear', times: 1, error: 'UnknownError' });
      await storage.clear();
      expect(idb.faults[0]?.times).toBe(0);
      expect(await idbStorage('client-x', { indexedDB: idb.factory }).get('session')).toBeUndefined();
    });

    it('an operation that never answers rejects with storage_error within the bound', async () => {
      const idb = faultyIndexedDB();
      const storage = idbStorage('client-x', { indexedDB: idb.indexedDB, timeoutMs });
      await storage.set('session', { v: 1 });
      idb.faults.push({ operation: 'get', times: 2 });
      await expect(storage.get('session')).rejects.toMatchObject({ code: 'storage_error' });
      expect(await storage.get('session')).toEqual({ v: 1 });
    });
  });

  it('answers a read once its requests have, before its transaction completes; a write once committed', async () => {
    const storage = idbStorage('client-x', { indexedDB: new IDBFactory() });
    await storage.set('session', { v: 1 });
    const events: string[] = [];
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = transaction.apply(this, args);
      tx.addEventListener('complete', () => events.push(`${args[1]} complete`));
      return tx;
    });
    expect(await storage.get('session')).toEqual({ v: 1 });
    events.push('read answered');
    await storage.set('session', { v: 2 });
    events.push('write answered');
    expect(await storage.update?.(['session'])).toEqual([{ v: 2 }]);
    events.push('update answered');
    expect(events).toEqual([
      'read answered',
      'readonly complete',
      'readwrite complete',
      'write answered',
      'update answered',
    ]);
  });

  it('opens the database within its first call, not a task later', () => {
    const factory = new IDBFactory();
    const open = vi.spyOn(factory, 'open');
    void idbStorage('client-x', { indexedDB: factory }).get('session');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('recreates the object store of a database that lacks it, with a warning', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const request = factory.open('sesame:client-x', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('something-else');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const storage = idbStorage('client-x', { indexedDB: factory });
    await storage.set('session', { v: 1 });
    expect(await storage.get('session')).toEqual({ v: 1 });
    expect(storage.inMemory()).toBe(false);
    expect(String(warn.mock.calls[0]?.[0])).toContain('no session store');
  });
});
