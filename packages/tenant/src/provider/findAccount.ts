import type { Account } from 'oidc-provider';
import type { UserStore } from '../users/UserStore.js';

/**
 * oidc-provider's `findAccount` over the tenant's users: the account of a `sub` and its
 * claims (the profile claims go into ID tokens too, as on Auth0). Also used by the tenant's
 * own grants to build ID tokens.
 */
export function findAccountIn(users: UserStore) {
  return async (_ctx: unknown, sub: string): Promise<Account | undefined> => {
    const user = users.findById(sub);
    if (!user) return undefined;
    return {
      accountId: user.user_id,
      async claims() {
        return {
          sub: user.user_id,
          email: user.email || undefined,
          email_verified: user.email ? user.email_verified : undefined,
          phone_number: user.phone_number,
          name: user.name ?? (user.email || user.phone_number),
          nickname: user.nickname ?? (user.email ? user.email.split('@')[0] : user.phone_number),
          given_name: user.given_name,
          family_name: user.family_name,
          picture: user.picture,
          updated_at: user.updated_at,
        };
      },
    };
  };
}
