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

/** The storage keys of transactions start with this (`tx:{state}`). */
export const TRANSACTION_PREFIX = 'tx:';

/**
 * Redirect transactions, one per `state` value, in the client's own IndexedDB store (never
 * sessionStorage, localStorage or cookies). `take()` consumes a transaction: a second call
 * for the same state, in this tab or another, finds nothing.
 */
export function createTransactionStore(storage: AuthStorage) {
  const taking = new Set<string>();
  return {
    put: (tx: Transaction) => storage.set(`${TRANSACTION_PREFIX}${tx.state}`, tx),
    async take(state: string): Promise<Transaction | undefined> {
      // Two callbacks racing in one tab: only the first may read the transaction.
      if (taking.has(state)) return undefined;
      taking.add(state);
      try {
        const tx = await storage.get<Transaction>(`${TRANSACTION_PREFIX}${state}`);
        await storage.del(`${TRANSACTION_PREFIX}${state}`);
        return tx;
      } finally {
        taking.delete(state);
      }
    },
  };
}
