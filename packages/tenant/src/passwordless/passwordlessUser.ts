import { createHash, randomBytes } from 'node:crypto';
import type { StoredUser, UserStore } from '../users/UserStore.js';

/** The passwordless connections (Auth0's names). */
export const PASSWORDLESS_CONNECTIONS = ['email', 'sms'] as const;
export type PasswordlessConnection = (typeof PASSWORDLESS_CONNECTIONS)[number];

/**
 * The user of a passwordless connection with this email or phone number, created on first
 * login (Auth0 ids `email|…` / `sms|…`, verified, no usable password).
 */
export async function passwordlessUser(
  users: UserStore,
  connection: PasswordlessConnection,
  to: string,
): Promise<StoredUser> {
  const existing =
    connection === 'email' ? users.findByEmail(connection, to) : users.findBy(connection, 'phone_number', to);
  if (existing) return existing;
  const digest = createHash('sha256').update(`${connection}\0${to.toLowerCase()}`).digest('hex');
  const user = await users.create({
    connection,
    user_id: `${connection}|${digest.slice(0, 24)}`,
    email: connection === 'email' ? to : '',
    email_verified: connection === 'email',
    password: randomBytes(32).toString('base64url'),
  });
  return connection === 'sms' ? (users.update(user.user_id, { phone_number: to }) ?? user) : user;
}
