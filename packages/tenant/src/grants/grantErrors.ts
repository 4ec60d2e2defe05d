import { errors, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * An OAuth error with Auth0's status code (Auth0 answers `invalid_grant` of the password,
 * passwordless and MFA grants with 403, `too_many_attempts` with 429), rendered by
 * oidc-provider as `{ error, error_description }`.
 */
export function grantError(status: number, error: string, description: string): Error {
  const failure = new errors.CustomOIDCProviderError(error, description);
  failure.status = status;
  failure.statusCode = status;
  return failure;
}

/** A request parameter, or `invalid_request` naming it when it is missing. */
export function required(ctx: KoaContextWithOIDC, name: string): string {
  const value = (ctx.oidc.params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || value === '') {
    throw new errors.InvalidRequest(`missing required parameter '${name}'`);
  }
  return value;
}

/**
 * The end user's IP for brute-force protection: the `auth0-forwarded-for` header when a
 * confidential application (which authenticated itself) sends it, else the connection's.
 */
export function endUserIp(ctx: KoaContextWithOIDC): string {
  const forwarded = ctx.get('auth0-forwarded-for');
  const confidential = ctx.oidc.client?.clientAuthMethod !== 'none';
  return forwarded && confidential ? forwarded.split(',')[0]!.trim() : ctx.ip;
}
