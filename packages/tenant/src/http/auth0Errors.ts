import type { Middleware } from 'koa';

interface OAuthErrorBody {
  error?: unknown;
  error_description?: unknown;
}

/**
 * Auth0's wording for two of oidc-provider's errors, on every endpoint (the status stays):
 *
 * - a request without any client identification: oidc-provider says "no client
 *   authentication mechanism provided"; Auth0 names the field (`client_id`);
 * - an application using a grant it does not have (`/oauth/token`, `/oauth/device/code`):
 *   oidc-provider says `invalid_request`; Auth0 (and RFC 6749 §5.2) `unauthorized_client`.
 */
export const auth0Errors: Middleware = async (ctx, next) => {
  await next();
  const body = ctx.body as OAuthErrorBody | undefined;
  if (!body || typeof body !== 'object' || body.error !== 'invalid_request') return;
  const description = String(body.error_description ?? '');
  if (description === 'no client authentication mechanism provided') {
    body.error_description = 'Missing required parameter: client_id';
  } else if (/^(requested grant type|.+) is not allowed for this client$/.test(description)) {
    const grantType = (ctx as { oidc?: { params?: { grant_type?: unknown } } }).oidc?.params?.grant_type;
    const name = typeof grantType === 'string' ? grantType : description.replace(/ is not allowed.*$/, '');
    body.error = 'unauthorized_client';
    body.error_description = `Grant type '${name}' not allowed for the client.`;
  }
};
