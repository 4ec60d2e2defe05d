import type { KoaContextWithOIDC } from 'oidc-provider';
import { OFFLINE_ACCESS_PARAM } from './auth0Routes.js';

/*
 * oidc-provider follows OIDC Core §11: it drops `offline_access` from an authorization
 * request unless `prompt=consent` is also sent, which SPA libraries never send. Auth0 issues
 * a refresh token whenever `offline_access` is requested. So the tenant keeps the request's
 * intent in a parameter of its own (added by `rewriteAuth0Params` before oidc-provider
 * sees the request), records it in the grant's OIDC scope (in `loadExistingGrant`), and
 * decides issuance from the grant (`issueRefreshToken`).
 */

/** Whether the authorization request being processed asked for `offline_access`. */
export function requestedOfflineAccess(ctx: KoaContextWithOIDC): boolean {
  const params = ctx.oidc.params ?? {};
  return (
    params[OFFLINE_ACCESS_PARAM] === '1' ||
    (typeof params.scope === 'string' && params.scope.split(' ').includes('offline_access'))
  );
}

/** Whether the grant behind a token request has `offline_access`. */
export function grantHasOfflineAccess(ctx: KoaContextWithOIDC): boolean {
  const grant = ctx.oidc.entities.Grant;
  return grant?.getOIDCScope().split(' ').includes('offline_access') ?? false;
}
