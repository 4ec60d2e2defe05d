import { randomBytes, randomInt } from 'node:crypto';
import { ExpiringMap } from '../stores/ExpiringMap.js';

/** An MFA authenticator of a user, in the shape `GET /mfa/authenticators` lists. */
export interface Authenticator {
  /** E.g. `totp|dev_3f9a…`, `sms|dev_…`, `email|dev_…`, `recovery-code|dev_…`. */
  id: string;
  authenticator_type: 'otp' | 'oob' | 'recovery-code';
  oob_channel?: 'sms' | 'email';
  /** Shown masked in lists. */
  name?: string;
  active: boolean;
  created_at: string;
  /** Internal: the user, the TOTP secret (base32), the phone/email, the recovery code. */
  userId: string;
  secret?: string;
  to?: string;
}

/** What an `mfa_token` stands for: a login that passed its first factor and awaits MFA. */
export interface MfaTransaction {
  userId: string;
  clientId: string;
  scope: string;
  resource: string | undefined;
  /** The first factor's methods, e.g. `['pwd']`. */
  amr: string[];
}

/** An out-of-band challenge waiting for its binding code. */
export interface OobChallenge {
  mfaToken: string;
  authenticatorId: string;
  bindingCode: string;
}

/** `mfa_token`s live 10 minutes, as on Auth0; oob codes 5. */
const MFA_TOKEN_TTL = 600;
const OOB_TTL = 300;

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The tenant's MFA state: users' authenticators, `mfa_token` transactions, oob challenges
 * and recovery codes. Authenticators are saved with the data folder; the rest is in memory.
 */
export class MfaStore {
  readonly #authenticators = new Map<string, Authenticator>();
  readonly #transactions: ExpiringMap<MfaTransaction>;
  readonly #challenges: ExpiringMap<OobChallenge>;
  /** Login-page interactions waiting for their second factor: uid → user and first factor. */
  readonly #logins: ExpiringMap<{ userId: string; amr: string[] }>;
  readonly #now: () => number;
  readonly #onChange: () => void;

  /**
   * @param now - the clock, epoch milliseconds.
   * @param onChange - called after authenticators change (e.g. to schedule a save).
   */
  constructor(now: () => number, onChange: () => void = () => {}) {
    this.#now = now;
    this.#onChange = onChange;
    this.#transactions = new ExpiringMap(now);
    this.#challenges = new ExpiringMap(now);
    this.#logins = new ExpiringMap(now);
  }

  /** Remembers that the login page's interaction `uid` passed its first factor. */
  startLogin(uid: string, userId: string, amr: string[]): void {
    this.#logins.set(uid, { userId, amr }, MFA_TOKEN_TTL);
  }

  /** The login waiting for a second factor in interaction `uid`, if any. */
  pendingLogin(uid: string): { userId: string; amr: string[] } | undefined {
    return this.#logins.get(uid);
  }

  endLogin(uid: string): void {
    this.#logins.delete(uid);
  }

  /** Starts an MFA transaction and returns its `mfa_token`. */
  createToken(transaction: MfaTransaction): string {
    const token = `mfa_${random(32)}`;
    this.#transactions.set(token, transaction, MFA_TOKEN_TTL);
    return token;
  }

  /** The transaction of an `mfa_token`, if it is live. */
  transaction(token: string): MfaTransaction | undefined {
    return this.#transactions.get(token);
  }

  /** Ends an MFA transaction (after tokens were issued). */
  endTransaction(token: string): void {
    this.#transactions.delete(token);
  }

  /** A user's authenticators (`activeOnly`: confirmed ones). */
  list(userId: string, activeOnly = false): Authenticator[] {
    return [...this.#authenticators.values()].filter(
      (authenticator) => authenticator.userId === userId && (!activeOnly || authenticator.active),
    );
  }

  /** Whether the user has a confirmed second factor (recovery codes do not count). */
  enrolled(userId: string): boolean {
    return this.list(userId, true).some((a) => a.authenticator_type !== 'recovery-code');
  }

  find(id: string): Authenticator | undefined {
    return this.#authenticators.get(id);
  }

  /** Adds an inactive authenticator (it becomes active when first verified). */
  add(
    userId: string,
    fields: Pick<Authenticator, 'authenticator_type' | 'oob_channel' | 'secret' | 'to' | 'name'>,
  ): Authenticator {
    const prefix = fields.authenticator_type === 'otp' ? 'totp' : (fields.oob_channel ?? 'recovery-code');
    const authenticator: Authenticator = {
      id: `${prefix}|dev_${random(12)}`,
      active: false,
      created_at: new Date(this.#now()).toISOString(),
      userId,
      ...fields,
    };
    this.#authenticators.set(authenticator.id, authenticator);
    this.#onChange();
    return authenticator;
  }

  /** Confirms an authenticator; the first one also activates the user's recovery code. */
  activate(id: string): void {
    const authenticator = this.#authenticators.get(id);
    if (!authenticator) return;
    authenticator.active = true;
    for (const other of this.list(authenticator.userId)) {
      if (other.authenticator_type === 'recovery-code') other.active = true;
    }
    this.#onChange();
  }

  /** Removes an authenticator of `userId`. @returns whether one was removed. */
  remove(userId: string, id: string): boolean {
    const authenticator = this.#authenticators.get(id);
    if (authenticator?.userId !== userId) return false;
    this.#authenticators.delete(id);
    this.#onChange();
    return true;
  }

  /**
   * Gives the user a (new) recovery code, replacing the old one.
   *
   * @returns the code, 24 characters as on Auth0.
   */
  newRecoveryCode(userId: string, active: boolean): string {
    for (const old of this.list(userId)) {
      if (old.authenticator_type === 'recovery-code') this.#authenticators.delete(old.id);
    }
    const code = Array.from({ length: 24 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[randomInt(32)]).join('');
    const authenticator = this.add(userId, { authenticator_type: 'recovery-code', secret: code });
    authenticator.active = active;
    this.#onChange();
    return code;
  }

  /** Whether `code` is the user's active recovery code. */
  checkRecoveryCode(userId: string, code: string): boolean {
    const normalized = code.replace(/\s/g, '').toUpperCase();
    return this.list(userId, true).some(
      (a) => a.authenticator_type === 'recovery-code' && a.secret === normalized,
    );
  }

  /** Starts an oob challenge; returns its `oob_code` and the binding code to deliver. */
  createChallenge(mfaToken: string, authenticatorId: string): { oobCode: string; bindingCode: string } {
    const oobCode = `oob_${random(24)}`;
    const bindingCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.#challenges.set(oobCode, { mfaToken, authenticatorId, bindingCode }, OOB_TTL);
    return { oobCode, bindingCode };
  }

  challenge(oobCode: string): OobChallenge | undefined {
    return this.#challenges.get(oobCode);
  }

  endChallenge(oobCode: string): void {
    this.#challenges.delete(oobCode);
  }

  /** Every authenticator, for persistence. */
  snapshot(): Authenticator[] {
    return [...this.#authenticators.values()];
  }

  /** Puts back authenticators saved by {@link MfaStore.snapshot}. */
  load(authenticators: Authenticator[]): void {
    for (const authenticator of authenticators) this.#authenticators.set(authenticator.id, authenticator);
  }

  /** Forgets every transaction and challenge (dev reset); authenticators stay. */
  reset(): void {
    this.#transactions.clear();
    this.#challenges.clear();
    this.#logins.clear();
  }
}
