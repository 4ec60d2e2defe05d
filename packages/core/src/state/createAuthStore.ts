import type { AuthError } from '../errors/AuthError.js';
import type { AuthListener, AuthSnapshot } from '../types.js';

export type AuthStore = ReturnType<typeof createAuthStore>;

/**
 * The auth-state store the bindings read: `subscribe` + a synchronous `getSnapshot()` that
 * returns the same frozen object until `publish()` changes something. `onFirst` runs when the
 * first listener subscribes and `onLast` when the last one leaves (start/stop tab sync).
 */
export function createAuthStore(hooks: { onFirst?: () => void; onLast?: () => void } = {}) {
  const listeners = new Set<AuthListener>();
  let snapshot: AuthSnapshot = Object.freeze({ status: 'loading', user: undefined, error: undefined });
  return {
    getSnapshot: () => snapshot,
    subscribe(listener: AuthListener): () => void {
      if (typeof listener !== 'function') throw new TypeError('"listener" must be a function');
      // A wrapper per call, so the same function subscribed twice is counted twice.
      const entry: AuthListener = () => listener();
      listeners.add(entry);
      if (listeners.size === 1) hooks.onFirst?.();
      return () => {
        if (listeners.delete(entry) && listeners.size === 0) hooks.onLast?.();
      };
    },
    /** Replaces the fields given; notifies listeners only when one of them changed. */
    publish(next: {
      status?: AuthSnapshot['status'];
      user?: AuthSnapshot['user'];
      error?: AuthError | undefined;
    }) {
      const merged = { ...snapshot, ...next };
      if (
        merged.status === snapshot.status &&
        merged.user === snapshot.user &&
        merged.error === snapshot.error
      ) {
        return;
      }
      snapshot = Object.freeze(merged);
      for (const listener of [...listeners]) listener();
    },
  };
}
