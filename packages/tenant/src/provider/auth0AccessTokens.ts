import type { Middleware } from 'koa';
import type { AccessToken, ClientCredentials, KoaContextWithOIDC } from 'oidc-provider';
import { auth0Routes } from './auth0Routes.js';

/** The OIDC scopes the tenant knows (see `createProvider`). */
export const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'offline_access']);

/** The claims of each OIDC scope, in ID tokens and at `/userinfo`. */
export const OIDC_CLAIMS: Readonly<Record<string, string[]>> = {
  openid: ['sub'],
  profile: ['name', 'nickname', 'given_name', 'family_name', 'picture', 'updated_at'],
  email: ['email', 'email_verified'],
};

/** Stored with a JWT access token (oidc-provider's `extra`): the OIDC scopes it was granted with. */
const OIDC_SCOPE_KEY = 'sesame_oidc_scope';

/** The audience that lets an API access token call `/userinfo`, as on Auth0. */
export const userinfoAudience = (issuer: string) => `${issuer}${auth0Routes.userinfo.slice(1)}`;

type Entities = Partial<Record<string, { scopes?: Set<string> }>>;

/** The OIDC scopes of the token request being answered (code, device code, refresh token or `scope`). */
function grantedOidcScopes(ctx: KoaContextWithOIDC): string[] {
  const entities = ctx.oidc.entities as Entities;
  const source = ctx.oidc.params?.scope
    ? ctx.oidc.requestParamScopes
    : (entities.AuthorizationCode ?? entities.DeviceCode ?? entities.RefreshToken)?.scopes;
  return [...(source ?? [])].filter((scope) => OIDC_SCOPES.has(scope));
}

/**
 * oidc-provider's `extraTokenClaims`: a JWT access token for an API remembers the OIDC scopes
 * it was granted with (oidc-provider keeps only the API's scopes on it), for
 * {@link auth0JwtClaims} and the `/userinfo` of API tokens.
 */
export async function rememberOidcScopes(
  ctx: KoaContextWithOIDC | undefined,
  token: AccessToken | ClientCredentials,
): Promise<Record<string, unknown> | undefined> {
  if (!ctx?.oidc || token.kind !== 'AccessToken' || token.resourceServer?.accessTokenFormat !== 'jwt') {
    return undefined;
  }
  const scopes = grantedOidcScopes(ctx);
  return scopes.length ? { [OIDC_SCOPE_KEY]: scopes.join(' ') } : undefined;
}

/**
 * oidc-provider's JWT access token customizer, for Auth0's claims:
 *
 * - user tokens: `scope` has the granted OIDC scopes before the API's; with `openid`, `aud` is
 *   `[api, "{issuer}userinfo"]` (the token then works at `/userinfo`); `azp` is the application;
 * - client credentials tokens: `sub` is `{client_id}@clients`, `gty` is `client-credentials`,
 *   `azp` the application.
 */
export function auth0JwtClaims(issuer: string) {
  return async (
    _ctx: unknown,
    token: AccessToken | ClientCredentials,
    jwt: { payload: Record<string, unknown> },
  ): Promise<void> => {
    const { payload } = jwt;
    payload.azp = token.clientId;
    if (token.kind === 'ClientCredentials') {
      payload.sub = `${token.clientId}@clients`;
      payload.gty = 'client-credentials';
      return;
    }
    const oidcScope = payload[OIDC_SCOPE_KEY];
    delete payload[OIDC_SCOPE_KEY];
    if (typeof oidcScope !== 'string') return;
    const scopes = [...oidcScope.split(' '), ...String(payload.scope ?? '').split(' ')].filter(Boolean);
    payload.scope = [...new Set(scopes)].join(' ');
    if (scopes.includes('openid') && typeof payload.aud === 'string') {
      payload.aud = [payload.aud, userinfoAudience(issuer)];
    }
  };
}

/** The OIDC scopes an access token model was granted with (see {@link rememberOidcScopes}). */
export const oidcScopesOf = (token: { extra?: Record<string, unknown> } | undefined): string[] => {
  const value = token?.extra?.[OIDC_SCOPE_KEY];
  return typeof value === 'string' ? value.split(' ') : [];
};

/**
 * The token response's `scope` names the granted OIDC scopes too when the access token is for
 * an API, as Auth0's does (oidc-provider names only the API's scopes there).
 */
export const auth0TokenResponseScope: Middleware = async (ctx, next) => {
  await next();
  if (ctx.path !== auth0Routes.token || ctx.status !== 200) return;
  const body = ctx.body as { scope?: unknown } | undefined;
  const token = (ctx as unknown as Partial<KoaContextWithOIDC>).oidc?.entities?.AccessToken;
  const oidcScopes = oidcScopesOf(token as { extra?: Record<string, unknown> } | undefined);
  if (!body || !oidcScopes.length) return;
  const apiScopes = typeof body.scope === 'string' ? body.scope.split(' ') : [];
  body.scope = [...new Set([...oidcScopes, ...apiScopes])].filter(Boolean).join(' ');
};
