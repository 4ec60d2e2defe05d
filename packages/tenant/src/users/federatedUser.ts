import { randomBytes } from 'node:crypto';
import type { StoredUser, UserStore } from './UserStore.js';

/** A user vouched for by another issuer (a token exchange profile, a SAML identity provider). */
export interface FederatedIdentity {
  /** The connection the user belongs to. */
  connection: string;
  /** The tenant's id for the user, e.g. `samlp|acme|jane`. */
  userId: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
}

/**
 * The user of a federated identity: the user with its id, else the connection's user with its
 * email, else a new user created from the identity (on first use, as Auth0 does).
 */
export async function findOrCreateFederatedUser(
  users: UserStore,
  identity: FederatedIdentity,
): Promise<StoredUser> {
  const { connection, userId, email } = identity;
  const existing = users.findById(userId) ?? (email ? users.findByEmail(connection, email) : undefined);
  if (existing) return existing;
  return users.create({
    connection,
    user_id: userId,
    email: email ?? '',
    email_verified: identity.email_verified ?? false,
    name: identity.name,
    nickname: identity.nickname,
    given_name: identity.given_name,
    family_name: identity.family_name,
    picture: identity.picture,
    // Such users never log in with a password; a random one keeps the store's shape.
    password: randomBytes(32).toString('base64url'),
  });
}
