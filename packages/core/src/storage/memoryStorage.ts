import type { AuthStorage } from '../types.js';

/**
 * An `AuthStorage` in this tab's memory: the session ends with the page. Values are
 * cloned in and out, so callers never share an object with the store.
 */
export function memoryStorage(): AuthStorage {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    clear: async () => map.clear(),
  };
}
