import type { Auth0Stores } from '../auth0Stores.js';
import type { ResolvedTenantConfig } from '../config/types.js';
import type { StoredUser } from '../users/UserStore.js';

/**
 * Whether a login of `user` needs a second factor: the user's `mfa_policy`, else the
 * tenant's `mfa.policy` — `always`, or `enrolled` when the user has a confirmed authenticator.
 */
export function needsMfa(config: ResolvedTenantConfig, auth0: Auth0Stores, user: StoredUser): boolean {
  const policy = user.mfa_policy ?? config.mfa.policy;
  if (policy === 'always') return true;
  return policy === 'enrolled' && auth0.mfa.enrolled(user.user_id);
}
