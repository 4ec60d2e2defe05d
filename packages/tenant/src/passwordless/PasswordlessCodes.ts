import { randomInt } from 'node:crypto';
import { ExpiringMap } from '../stores/ExpiringMap.js';

/** A code `/passwordless/start` sent, waiting for the OTP grant or the magic link. */
export interface PendingCode {
  /** `email` or `sms`. */
  connection: string;
  /** The email address or phone number. */
  to: string;
  code: string;
  clientId: string;
  /** For links: the `/authorize` parameters to continue with. */
  authParams: Record<string, string>;
  /** Wrong codes tried so far. */
  attempts: number;
}

/** What {@link PasswordlessCodes.verify} found. */
export type CodeCheck =
  | { ok: true; pending: PendingCode }
  | { ok: false; reason: 'wrong' | 'expired' | 'exhausted' };

/**
 * Passwordless one-time codes: six digits, one per connection and recipient (a new start
 * replaces the previous code), expiring after `ttl` seconds, single-use, and void after
 * `maxAttempts` wrong tries.
 */
export class PasswordlessCodes {
  readonly #codes: ExpiringMap<PendingCode>;
  readonly #ttl: number;
  readonly #maxAttempts: number;

  constructor(options: { ttl: number; maxAttempts: number; now: () => number }) {
    this.#codes = new ExpiringMap(options.now);
    this.#ttl = options.ttl;
    this.#maxAttempts = options.maxAttempts;
  }

  static #key(connection: string, to: string) {
    return `${connection} ${to.toLowerCase()}`;
  }

  /** Creates (or replaces) the code of `to` and returns it. */
  issue(
    connection: string,
    to: string,
    clientId: string,
    authParams: Record<string, string> = {},
  ): PendingCode {
    const pending: PendingCode = {
      connection,
      to,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      clientId,
      authParams,
      attempts: 0,
    };
    this.#codes.set(PasswordlessCodes.#key(connection, to), pending, this.#ttl);
    return pending;
  }

  /** Checks a code; a right one is consumed, a wrong one counts against the limit. */
  verify(connection: string, to: string, code: string): CodeCheck {
    const key = PasswordlessCodes.#key(connection, to);
    if (this.#codes.expired(key)) {
      this.#codes.delete(key);
      return { ok: false, reason: 'expired' };
    }
    const pending = this.#codes.get(key);
    if (!pending) return { ok: false, reason: 'wrong' };
    if (pending.code !== code) {
      pending.attempts += 1;
      if (pending.attempts < this.#maxAttempts) return { ok: false, reason: 'wrong' };
      this.#codes.delete(key);
      return { ok: false, reason: 'exhausted' };
    }
    this.#codes.delete(key);
    return { ok: true, pending };
  }

  clear(): void {
    this.#codes.clear();
  }
}
