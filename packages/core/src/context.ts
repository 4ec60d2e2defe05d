import type { ResolvedConfig } from './config/resolveConfig.js';
import type { Server } from './server/resolveServer.js';
import type { AuthStore } from './state/createAuthStore.js';
import type { TokenStore } from './storage/createTokenStore.js';
import type { BroadcastSync } from './sync/createBroadcastSync.js';
import type { IdTokenVerifier } from './tokens/verifyIdToken.js';
import type { TransactionStore } from './transactions/createTransactionStore.js';
import type { AuthLock } from './types.js';

/** The modules of one client, wired by `createAuthClient()` and passed to every flow. */
export interface ClientContext {
  readonly config: ResolvedConfig;
  readonly server: Server;
  readonly tokens: TokenStore;
  readonly transactions: TransactionStore;
  readonly store: AuthStore;
  readonly sync: BroadcastSync;
  readonly lock: AuthLock;
  readonly verifyIdToken: IdTokenVerifier;
}
