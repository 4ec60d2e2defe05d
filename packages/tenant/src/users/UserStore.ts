import { createHash } from 'node:crypto';
import type { UserConfig } from '../config/types.js';
import { hashPassword, verifyPassword } from './password.js';

/** A user as the tenant stores it (the password only as a scrypt hash). */
export interface StoredUser {
  /** Auth0-style id, `auth0|<24 hex>`; the `sub` of tokens. */
  user_id: string;
  /** The database connection the user belongs to. */
  connection: string;
  /** The login; unique per connection, compared case-insensitively. */
  email: string;
  /** False until verified (seeded users: the config's `email_verified`). */
  email_verified: boolean;
  /** Full name claim. */
  name?: string;
  /** Nickname claim. */
  nickname?: string;
  /** Given name claim. */
  given_name?: string;
  /** Family name claim. */
  family_name?: string;
  /** Profile picture URL claim. */
  picture?: string;
  /** Set by `/dbconnections/signup` on connections that require a username. */
  username?: string;
  /** Passwordless SMS users log in with their phone number. */
  phone_number?: string;
  /** `user_metadata` given at signup (string values). */
  user_metadata?: Record<string, string>;
  /** Overrides the tenant's MFA policy for this user. */
  mfa_policy?: 'never' | 'always' | 'enrolled';
  /** `scrypt$...`, as `hashPassword()` in `users/password.ts` writes it. */
  password_hash: string;
  /** ISO timestamps. */
  created_at: string;
  /** When the user last changed (ISO timestamp); the `updated_at` claim. */
  updated_at: string;
}

/** What {@link UserStore.create} takes: a user with a clear-text password. */
export type NewUser = UserConfig & {
  /** The database connection the user is created in. */
  connection: string;
};

/** Derives a stable Auth0-style id so that seeded users keep their `sub` across restarts. */
export function userIdFor(connection: string, email: string): string {
  const digest = createHash('sha256').update(`${connection}\0${email.toLowerCase()}`).digest('hex');
  return `auth0|${digest.slice(0, 24)}`;
}

/**
 * The users of the tenant's database connections, keyed by id and by connection + email
 * (emails compare case-insensitively). The one place that reads or changes users: login,
 * and later signup, change-password and MFA enrolment go through it.
 *
 * `onChange` is called after every change, so the owner can persist the store.
 */
export class UserStore {
  readonly #byId = new Map<string, StoredUser>();
  readonly #onChange: () => void;

  /**
   * Creates an empty store.
   *
   * @param onChange - called after every change (e.g. to schedule a save).
   */
  constructor(onChange: () => void = () => {}) {
    this.#onChange = onChange;
  }

  /**
   * Adds a user, hashing the password.
   *
   * @throws {Error} with `code: 'user_exists'` when the connection already has the email.
   */
  async create(user: NewUser): Promise<StoredUser> {
    // SMS (passwordless) users have no email; their phone number is their login.
    if (user.email && this.findByEmail(user.connection, user.email)) {
      throw Object.assign(new Error('The user already exists.'), { code: 'user_exists' });
    }
    const now = new Date().toISOString();
    const { password, ...profile } = user;
    const stored: StoredUser = {
      ...profile,
      user_id: user.user_id ?? userIdFor(user.connection, user.email),
      email_verified: user.email_verified ?? false,
      password_hash: await hashPassword(password),
      created_at: now,
      updated_at: now,
    };
    this.#byId.set(stored.user_id, stored);
    this.#onChange();
    return stored;
  }

  /** Finds a user by id (`sub`). */
  findById(userId: string): StoredUser | undefined {
    return this.#byId.get(userId);
  }

  /** Finds a user of a connection by email, case-insensitively. */
  findByEmail(connection: string, email: string): StoredUser | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.#byId.values()) {
      if (user.connection === connection && user.email.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  /** Finds a user of a connection by a field compared exactly (e.g. `username`, `phone_number`). */
  findBy(connection: string, field: 'username' | 'phone_number', value: string): StoredUser | undefined {
    for (const user of this.#byId.values()) {
      if (user.connection === connection && user[field] === value) return user;
    }
    return undefined;
  }

  /**
   * Checks an email/password pair against a connection.
   *
   * @returns the user, or `undefined` for an unknown email or a wrong password (callers
   *   must not tell the two apart to the person logging in).
   */
  async authenticate(connection: string, email: string, password: string): Promise<StoredUser | undefined> {
    const user = this.findByEmail(connection, email);
    if (!user) return undefined;
    return (await verifyPassword(password, user.password_hash)) ? user : undefined;
  }

  /** Replaces a user's password. @returns `false` when there is no such user. */
  async setPassword(userId: string, password: string): Promise<boolean> {
    const user = this.#byId.get(userId);
    if (!user) return false;
    user.password_hash = await hashPassword(password);
    user.updated_at = new Date().toISOString();
    this.#onChange();
    return true;
  }

  /** Applies profile changes (not the id, connection or password). */
  update(userId: string, changes: Partial<Omit<StoredUser, 'user_id' | 'connection' | 'password_hash'>>) {
    const user = this.#byId.get(userId);
    if (!user) return undefined;
    Object.assign(user, changes, { updated_at: new Date().toISOString() });
    this.#onChange();
    return user;
  }

  /** Removes a user. @returns whether one was removed. */
  delete(userId: string): boolean {
    const deleted = this.#byId.delete(userId);
    if (deleted) this.#onChange();
    return deleted;
  }

  /** Every user, for listing and persistence. */
  list(): StoredUser[] {
    return [...this.#byId.values()];
  }

  /** Puts back users saved by {@link UserStore.list} (hashes kept as they are). */
  load(users: StoredUser[]): void {
    for (const user of users) this.#byId.set(user.user_id, user);
  }
}
