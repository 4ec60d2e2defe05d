import type { Grant, KoaContextWithOIDC } from 'oidc-provider';
import { requestedOfflineAccess } from './offlineAccess.js';

/**
 * oidc-provider's `loadExistingGrant`: first-party applications (`is_first_party`, the
 * default) are granted what they ask for without a consent screen — the requested OIDC
 * scopes and claims and, for each requested API (`audience`), the requested scopes that
 * API defines. Third-party applications get the stored grant only, so oidc-provider asks
 * for consent when it lacks something.
 */
export async function loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { client, session, provider, params } = ctx.oidc;
  if (!client || !session) return undefined;
  const result = ctx.oidc.result as { consent?: { grantId?: string } } | undefined;
  const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  if (client.metadata().is_first_party === false) return existing;

  const grant = existing ?? new provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
  const scopes = ctx.oidc.requestParamOIDCScopes;
  // The grant's offline_access follows the latest request, as Auth0 issues refresh tokens
  // only to requests that ask for them.
  const offline = requestedOfflineAccess(ctx);
  if (offline) scopes.add('offline_access');
  else if (grant.openid?.scope) {
    grant.openid.scope = grant.openid.scope
      .split(' ')
      .filter((scope) => scope !== 'offline_access')
      .join(' ');
  }
  if (scopes.size) grant.addOIDCScope([...scopes].join(' '));

  const claims = ctx.oidc.claims;
  const requestedClaims = [...Object.keys(claims.id_token ?? {}), ...Object.keys(claims.userinfo ?? {})];
  if (requestedClaims.length) grant.addOIDCClaims(requestedClaims);

  const wanted = new Set(typeof params?.scope === 'string' ? params.scope.split(' ') : []);
  for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers ?? {})) {
    const granted = [...server.scopes].filter((scope) => wanted.has(scope));
    grant.addResourceScope(indicator, granted.join(' '));
  }
  await grant.save();
  return grant;
}
