import { errors, type KoaContextWithOIDC, type ResourceServer } from 'oidc-provider';

const isClientCredentials = (ctx: KoaContextWithOIDC) =>
  (ctx.oidc?.params as { grant_type?: unknown } | undefined)?.grant_type === 'client_credentials';

/**
 * Auth0 gives a client credentials request without `scope` every scope the application is
 * granted on the API; oidc-provider would grant none. Called from `getResourceServerInfo`
 * (which oidc-provider calls before it reads the requested scopes): a client credentials
 * request without `scope` asks for all of the API's scopes.
 *
 * @returns `info`, unchanged.
 */
export function defaultClientCredentialsScope(ctx: KoaContextWithOIDC, info: ResourceServer): ResourceServer {
  const params = ctx.oidc?.params as { scope?: unknown } | undefined;
  if (params && isClientCredentials(ctx) && !params.scope && info.scope) params.scope = info.scope;
  return info;
}

/**
 * Part of `defaultResource`: a client credentials request must name its API (`audience`), as
 * the tenant has no default audience; oidc-provider would issue an opaque token for nothing.
 *
 * @throws {errors.InvalidRequest} naming `audience`, before anything is stored.
 */
export function requireClientCredentialsAudience<T>(
  ctx: KoaContextWithOIDC,
  resource: T | undefined,
): T | undefined {
  if (resource === undefined && isClientCredentials(ctx)) {
    throw new errors.InvalidRequest('Missing required parameter: audience');
  }
  return resource;
}
