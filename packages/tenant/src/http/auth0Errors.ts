import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';

interface OAuthErrorBody {
  error?: unknown;
  error_description?: unknown;
}

interface ErrorState {
  /** oidc-provider's detail of the token request's error (`grant.error`), never shown to clients. */
  grantErrorDetail?: string;
  /** Set by the tenant's own routes: their errors already carry Auth0's status. */
  tenantRoute?: string;
}

/**
 * The statuses of Auth0's "Standard Error Responses" table (Authentication API) for the OAuth
 * errors oidc-provider answers with 400: `unauthorized_client`, `access_denied` and
 * `invalid_grant` are 403, `unsupported_grant_type` and `unsupported_response_type` 501.
 */
const AUTH0_STATUS: Readonly<Record<string, number>> = {
  invalid_request: 400,
  invalid_scope: 400,
  invalid_client: 401,
  unauthorized_client: 403,
  access_denied: 403,
  invalid_grant: 403,
  too_many_requests: 429,
  unsupported_grant_type: 501,
  unsupported_response_type: 501,
  temporarily_unavailable: 503,
};

/**
 * Auth0's `error_description` of an `invalid_grant` from oidc-provider's own grants, which
 * say only "grant request is invalid". auth0-spa-js falls back to the iframe only when the
 * refresh answer says "invalid refresh token", so the wording matters.
 */
function invalidGrantDescription(grantType: unknown, detail: string | undefined): string | undefined {
  if (grantType === 'refresh_token') return 'Unknown or invalid refresh token.';
  if (grantType !== 'authorization_code') return undefined;
  return detail?.startsWith('code_verifier')
    ? 'Failed to verify code verifier'
    : 'Invalid authorization code';
}

/**
 * Auth0's statuses and wording for oidc-provider's errors, on every oidc-provider endpoint (the
 * tenant's own routes choose theirs):
 *
 * - statuses from Auth0's standard error table (e.g. 403 `invalid_grant`, 403 `unauthorized_client`);
 * - a bad refresh token: 403 "Unknown or invalid refresh token."; a bad code: 403 "Invalid
 *   authorization code" ("Failed to verify code verifier" for a PKCE mismatch);
 * - a request without any client identification names the field (`client_id`);
 * - an application using a grant it does not have: `unauthorized_client` (RFC 6749 §5.2),
 *   "Grant type 'X' not allowed for the client." (oidc-provider says `invalid_request`).
 *
 * @param provider - its `grant.error` events carry the detail the description is chosen by.
 */
export function auth0Errors(provider: Provider): Middleware<ErrorState> {
  provider.on('grant.error', (ctx, error) => {
    const detail = (error as { error_detail?: unknown }).error_detail;
    if (typeof detail === 'string') (ctx.state as ErrorState).grantErrorDetail = detail;
  });
  return async (ctx, next) => {
    await next();
    const body = ctx.body as OAuthErrorBody | undefined;
    if (ctx.state.tenantRoute || !body || typeof body !== 'object' || typeof body.error !== 'string') return;
    const grantType = (ctx as unknown as Partial<KoaContextWithOIDC>).oidc?.params?.grant_type;
    const description = String(body.error_description ?? '');
    if (body.error === 'invalid_request' && description === 'no client authentication mechanism provided') {
      body.error_description = 'Missing required parameter: client_id';
    } else if (
      body.error === 'invalid_request' &&
      /^(requested grant type|.+) is not allowed for this client$/.test(description)
    ) {
      const name = typeof grantType === 'string' ? grantType : description.replace(/ is not allowed.*$/, '');
      body.error = 'unauthorized_client';
      body.error_description = `Grant type '${name}' not allowed for the client.`;
    } else if (body.error === 'invalid_grant' && description === 'grant request is invalid') {
      body.error_description =
        invalidGrantDescription(grantType, ctx.state.grantErrorDetail) ?? body.error_description;
    }
    const status = AUTH0_STATUS[body.error as string];
    if (status !== undefined && ctx.status >= 400 && ctx.status < 500) ctx.status = status;
  };
}
