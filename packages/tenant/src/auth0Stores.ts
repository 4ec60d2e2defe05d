import { BruteForce, RateLimiter } from './bruteForce/BruteForce.js';
import type { ResolvedTenantConfig } from './config/types.js';
import { MfaStore } from './mfa/MfaStore.js';
import { Outbox } from './outbox/Outbox.js';
import { PasswordlessCodes } from './passwordless/PasswordlessCodes.js';
import { ExpiringMap } from './stores/ExpiringMap.js';

/** A password reset link's ticket: whose password it changes. */
export interface ResetTicket {
  userId: string;
  clientId: string | undefined;
}

/**
 * The state of the Auth0 extensions (outbox, brute-force counters, passwordless codes, MFA,
 * password reset tickets), shared by their routes and grants, on one injectable clock.
 */
export interface Auth0Stores {
  /** The clock, epoch milliseconds. */
  now: () => number;
  outbox: Outbox;
  bruteForce: BruteForce;
  /** `/passwordless/start` messages per IP and hour. */
  sendLimit: RateLimiter;
  passwordless: PasswordlessCodes;
  mfa: MfaStore;
  resetTickets: ExpiringMap<ResetTicket>;
  /** Magic links verified in a browser, waiting for its login page: ticket → user id. */
  loginTickets: ExpiringMap<string>;
  /** Empties the outbox and forgets counters, codes, tickets and MFA transactions (dev reset). */
  reset(): void;
  /** Also run `forget` on {@link Auth0Stores.reset} (e.g. the token endpoint's rate limit). */
  onReset(forget: () => void): void;
}

/**
 * Builds the {@link Auth0Stores} of a tenant.
 *
 * @param now - the clock, epoch milliseconds.
 * @param onChange - called when something to persist changed (MFA authenticators).
 */
export function createAuth0Stores(
  config: ResolvedTenantConfig,
  now: () => number = Date.now,
  onChange: () => void = () => {},
): Auth0Stores {
  const resetHooks: (() => void)[] = [];
  const stores = {
    now,
    outbox: new Outbox(now),
    bruteForce: new BruteForce(config.brute_force_protection.max_attempts),
    sendLimit: new RateLimiter(config.passwordless.rate_limit_per_hour, 3600, now),
    passwordless: new PasswordlessCodes({
      ttl: config.passwordless.code_ttl,
      maxAttempts: config.passwordless.max_attempts,
      now,
    }),
    mfa: new MfaStore(now, onChange),
    resetTickets: new ExpiringMap<ResetTicket>(now),
    loginTickets: new ExpiringMap<string>(now),
    reset() {
      stores.outbox.clear();
      stores.bruteForce.reset();
      stores.sendLimit.reset();
      stores.passwordless.clear();
      stores.mfa.reset();
      stores.resetTickets.clear();
      stores.loginTickets.clear();
      for (const forget of resetHooks) forget();
    },
    onReset(forget: () => void) {
      resetHooks.push(forget);
    },
  };
  return stores;
}
