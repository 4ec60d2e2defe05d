import type { AuthLock } from '../types.js';

/**
 * An `AuthLock` that serialises tasks of the same name within this tab only. Used where
 * Web Locks are missing: two tabs may then refresh at the same moment, and the store
 * re-read after acquiring the lock is the only guard across tabs.
 */
export function inTabMutex(): AuthLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(name, task, signal) {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(() => {
        signal?.throwIfAborted();
        return task();
      });
      const tail = result.catch(() => undefined);
      tails.set(name, tail);
      void tail.then(() => tails.get(name) === tail && tails.delete(name));
      return result;
    },
  };
}
