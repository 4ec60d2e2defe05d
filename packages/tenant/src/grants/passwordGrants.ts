import type { KoaContextWithOIDC } from 'oidc-provider';
import type { ExtraGrantType, GrantTypeServices } from '../provider/extraGrantTypes.js';
import { finishLogin } from './finishLogin.js';
import { endUserIp, grantError, required } from './grantErrors.js';

/** Auth0's password-realm grant type. */
export const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';

const TOO_MANY_ATTEMPTS =
  'Your account has been blocked after multiple consecutive login attempts. Change your password or wait for a reset to unblock it.';

/**
 * The Resource Owner Password grant with Auth0's brute-force protection. `realm` names the
 * database connection (password-realm); plain `password` uses the first connection, as
 * Auth0's tenant "Default Directory" does.
 */
async function passwordLogin(ctx: KoaContextWithOIDC, services: GrantTypeServices, realmRequired: boolean) {
  const username = required(ctx, 'username');
  const password = required(ctx, 'password');
  const connections = services.config.connections.map((connection) => connection.name);
  const realm = realmRequired
    ? required(ctx, 'realm')
    : ((ctx.oidc.params!.realm as string) ?? connections[0]);
  if (!realm || !connections.includes(realm)) {
    throw grantError(403, 'invalid_grant', `Connection does not exist: ${realm}`);
  }

  const { users, auth0 } = services;
  const known = users.findByEmail(realm, username) ?? users.findBy(realm, 'username', username);
  const ip = endUserIp(ctx);
  if (known && auth0.bruteForce.blocked(known.user_id, ip)) {
    throw grantError(429, 'too_many_attempts', TOO_MANY_ATTEMPTS);
  }
  const user = known ? await users.authenticate(realm, known.email, password) : undefined;
  if (!user) {
    if (known) auth0.bruteForce.fail(known.user_id, ip);
    throw grantError(403, 'invalid_grant', 'Wrong email or password.');
  }
  auth0.bruteForce.clear(user.user_id, ip);
  await finishLogin(ctx, services, user, ['pwd']);
}

const parameters = ['username', 'password', 'realm', 'scope', 'resource', 'audience'];

/** `grant_type=password`. */
export const passwordGrant = (services: GrantTypeServices): ExtraGrantType => ({
  name: 'password',
  parameters,
  handler: (ctx) => passwordLogin(ctx, services, false),
});

/** `grant_type=http://auth0.com/oauth/grant-type/password-realm`. */
export const passwordRealmGrant = (services: GrantTypeServices): ExtraGrantType => ({
  name: PASSWORD_REALM,
  parameters,
  handler: (ctx) => passwordLogin(ctx, services, true),
});
