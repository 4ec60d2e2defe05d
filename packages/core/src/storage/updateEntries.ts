import type { AuthStorage } from '../types.js';

/**
 * `storage.update(keys, change)` where the storage has it (one atomic operation); else `get` for
 * each key, then `set` or `del` for each entry `change` returns.
 */
export async function updateEntries(
  storage: AuthStorage,
  keys: readonly string[],
  change?: (values: unknown[]) => Record<string, unknown> | undefined,
): Promise<unknown[]> {
  if (storage.update) return storage.update(keys, change);
  const values = await Promise.all(keys.map((key) => storage.get(key)));
  for (const [key, value] of Object.entries(change?.(values) ?? {})) {
    await (value === undefined ? storage.del(key) : storage.set(key, value));
  }
  return values;
}
