import { errors, type KoaContextWithOIDC } from 'oidc-provider';
import type { ResolvedTenantConfig } from '../config/types.js';
import { OIDC_SCOPES } from '../provider/auth0AccessTokens.js';
import { findAccountIn } from '../provider/findAccount.js';
import { bindToDpopKey } from '../provider/grantDpop.js';
import { resourceServerInfo } from '../provider/resourceServerInfo.js';
import type { UserStore } from '../users/UserStore.js';

/** What the tokens are for. */
export interface TokenRequest {
  userId: string;
  /** The requested scope (OIDC scopes and the API's scopes, space-separated). */
  scope: string;
  /** The API (`audience`), if any. */
  resource: string | undefined;
  /** Authentication methods, e.g. `['pwd']`, `['pwd', 'mfa']`. */
  amr: string[];
  /** The grant type the tokens are issued by. */
  gty: string;
}

/** The audience and scope of a token request (`audience` arrives as `resource`). */
export function requestedAccess(ctx: KoaContextWithOIDC): { scope: string; resource: string | undefined } {
  const { scope, resource } = ctx.oidc.params as { scope?: unknown; resource?: unknown };
  if (Array.isArray(resource)) throw new errors.InvalidTarget('only one audience may be requested');
  return {
    scope: typeof scope === 'string' ? scope : '',
    resource: typeof resource === 'string' && resource ? resource : undefined,
  };
}

/**
 * Answers a token request of the tenant's own grants (password, password-realm,
 * passwordless OTP, MFA) like oidc-provider's code grant does: a grant with the requested
 * OIDC scopes and the API's scopes, an access token (an RS256 JWT for an `audience`, else
 * opaque for `/userinfo`), an ID token for `openid`, a refresh token for `offline_access`
 * when the application may refresh. The refresh token works with oidc-provider's own
 * `refresh_token` grant (rotation included).
 *
 * @throws {errors.InvalidTarget} for an unknown audience; `invalid_grant` for an unknown user.
 */
export async function issueUserTokens(
  ctx: KoaContextWithOIDC,
  services: { config: ResolvedTenantConfig; users: UserStore; issuer: string },
  request: TokenRequest,
): Promise<void> {
  const { provider } = ctx.oidc;
  const client = ctx.oidc.client!;
  const account = await findAccountIn(services.users)(ctx, request.userId);
  if (!account) throw new errors.InvalidGrant('user not found');
  ctx.oidc.entity('Account', account);

  const requested = request.scope.split(' ').filter(Boolean);
  const oidcScopes = requested.filter((scope) => OIDC_SCOPES.has(scope));
  const info = request.resource
    ? resourceServerInfo(services.config, services.issuer, request.resource)
    : undefined;
  const apiScopes = info ? requested.filter((scope) => info.scope.split(' ').includes(scope)) : [];

  const grant = new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
  if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
  if (request.resource) grant.addResourceScope(request.resource, apiScopes.join(' '));
  const grantId = await grant.save();
  ctx.oidc.entity('Grant', grant);

  const at = new provider.AccessToken({
    accountId: account.accountId,
    client,
    grantId,
    gty: request.gty,
    expiresWithSession: false,
  });
  if (request.resource && info) {
    at.resourceServer = new provider.ResourceServer(request.resource, info);
    at.scope = apiScopes.join(' ') || undefined;
  } else {
    at.scope = oidcScopes.filter((scope) => scope !== 'offline_access').join(' ') || undefined;
  }
  let rt: InstanceType<typeof provider.RefreshToken> | undefined;
  if (oidcScopes.includes('offline_access') && client.grantTypeAllowed('refresh_token')) {
    rt = new provider.RefreshToken({
      accountId: account.accountId,
      amr: request.amr,
      authTime: Math.floor(Date.now() / 1000),
      client,
      expiresWithSession: false,
      grantId,
      gty: request.gty,
      resource: request.resource,
      rotations: 0,
      scope: [...oidcScopes, ...apiScopes].join(' '),
    });
  }
  await bindToDpopKey(ctx, at, rt);
  ctx.oidc.entity('AccessToken', at);
  const accessToken = await at.save();
  let refreshToken: string | undefined;
  if (rt) {
    ctx.oidc.entity('RefreshToken', rt);
    refreshToken = await rt.save();
  }

  let idToken: string | undefined;
  if (oidcScopes.includes('openid')) {
    const claims = await account.claims('id_token', oidcScopes.join(' '), {}, []);
    const token = new provider.IdToken({ ...claims, sub: account.accountId }, { ctx });
    // `extra` claims pass the scope mask, as `amr` and `auth_time` should.
    token.set('amr', request.amr);
    token.set('auth_time', Math.floor(Date.now() / 1000));
    // What the mask lets through, as oidc-provider's own grants set it.
    (token as unknown as { scope: string }).scope = oidcScopes.join(' ');
    idToken = await token.issue({ use: 'idtoken' });
  }

  ctx.body = {
    access_token: accessToken,
    ...(idToken ? { id_token: idToken } : {}),
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    scope: [...oidcScopes, ...apiScopes].join(' ') || undefined,
    expires_in: at.expiration,
    token_type: at.tokenType ?? 'Bearer',
  };
}
