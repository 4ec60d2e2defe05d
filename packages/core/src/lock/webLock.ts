import type { AuthLock } from '../types.js';
import { inTabMutex } from './inTabMutex.js';

/**
 * The default `AuthLock`: an exclusive Web Lock (`navigator.locks.request()`), held by one
 * tab of the origin at a time and released by the browser when the task settles or the tab
 * closes. Falls back to `inTabMutex()` where the Web Locks API is missing.
 *
 * @see https://w3c.github.io/web-locks/
 */
export function webLock(): AuthLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks?.request) return inTabMutex();
  return {
    run: <T>(name: string, task: () => Promise<T>, signal?: AbortSignal) =>
      locks.request(name, signal ? { signal } : {}, task) as Promise<T>,
  };
}
