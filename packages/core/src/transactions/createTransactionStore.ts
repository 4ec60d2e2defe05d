import type { AuthStorage } from '../types.js';

/** What a login started with, needed to check and complete its authorization response. */
export interface Transaction {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly issuer: string;
  readonly audience: string | undefined;
  readonly scope: string;
  readonly organization: string | undefined;
  readonly maxAge: number | undefined;
  readonly appState?: unknown;
}

export type TransactionStore = ReturnType<typeof createTransactionStore>;

const isTransaction = (value: unknown): value is Transaction =>
  typeof value === 'object' &&
  value !== null &&
  ['state', 'nonce', 'codeVerifier', 'redirectUri', 'issuer', 'scope'].every(
    (field) => typeof (value as Record<string, unknown>)[field] === 'string',
  );

const parse = (json: string): Transaction | undefined => {
  try {
    const tx: unknown = JSON.parse(json);
    return isTransaction(tx) ? tx : undefined;
  } catch {
    return undefined;
  }
};

/** sessionStorage, or undefined where it is missing or throws (blocked storage). */
const tabStorage = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

/** The storage keys of transactions start with this (`tx:{state}`). */
const TRANSACTION_PREFIX = 'tx:';

/**
 * Redirect transactions, one per `state` value, consumed once: a second `take()` for the same
 * state, in this tab or another, finds nothing.
 *
 * They live in the client's storage (IndexedDB). Where that storage does not outlive the page
 * (`durable()` false: memory storage, or IndexedDB unavailable at start) or a write to it fails,
 * the transaction is kept in this tab's sessionStorage instead (`sesame:tx:{clientId}:{state}`),
 * the only place that survives the redirect; it is removed when the callback takes it or at
 * logout. The PKCE verifier is in sessionStorage only in that case (DESIGN property 8).
 */
export function createTransactionStore(storage: AuthStorage, clientId: string, durable: () => boolean) {
  const taking = new Set<string>();
  const prefix = `sesame:tx:${clientId}:`;
  return {
    async put(tx: Transaction): Promise<void> {
      const tab = tabStorage();
      const keep = () => tab?.setItem(prefix + tx.state, JSON.stringify(tx));
      if (tab && !durable()) return keep();
      try {
        await storage.set(`${TRANSACTION_PREFIX}${tx.state}`, tx);
      } catch (error) {
        // The login must survive the navigation; without sessionStorage the error stands.
        if (!tab) throw error;
        keep();
      }
    },
    async take(state: string): Promise<Transaction | undefined> {
      // Two callbacks racing in one tab: only the first may read the transaction.
      if (taking.has(state)) return undefined;
      taking.add(state);
      try {
        const tab = tabStorage();
        const kept = tab?.getItem(prefix + state);
        if (kept != null) {
          tab?.removeItem(prefix + state);
          return parse(kept);
        }
        const tx = await storage.get<Transaction>(`${TRANSACTION_PREFIX}${state}`);
        await storage.del(`${TRANSACTION_PREFIX}${state}`);
        return isTransaction(tx) ? tx : undefined;
      } finally {
        taking.delete(state);
      }
    },
    /** Forgets this tab's sessionStorage transactions (the storage's are cleared with it). */
    clearTab(): void {
      const tab = tabStorage();
      if (!tab) return;
      for (const key of Object.keys(tab)) if (key.startsWith(prefix)) tab.removeItem(key);
    },
  };
}
