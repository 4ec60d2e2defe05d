import type { KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, renderPage } from './html.js';
import type { TenantRoute, TenantServices } from './TenantRoute.js';

function badRequest(ctx: Parameters<TenantRoute['handle']>[0], tenant: TenantServices, message: string) {
  ctx.status = 400;
  ctx.type = 'html';
  ctx.body = renderPage({
    tenantName: tenant.config.tenantName,
    title: 'Error',
    body: `<h1>Something went wrong</h1><p class="error"><strong>invalid_request</strong>: ${escapeHtml(message)}</p>`,
  });
}

/**
 * `GET /v2/logout` with Auth0's semantics: ends the tenant session (cookie and stored
 * session), then redirects to `returnTo`, which must be one of the Allowed Logout URLs of
 * `client_id` (or of the tenant when there is no `client_id`), else 400 and the session is
 * kept. Without `returnTo`, redirects to the application's first Allowed Logout URL, or
 * shows a "logged out" page. `federated` is accepted (there is no upstream IdP to log out
 * of). Refresh tokens are not revoked, as on Auth0.
 *
 * @see https://auth0.com/docs/api/authentication#logout
 */
export const v2Logout: TenantRoute = {
  method: 'GET',
  path: '/v2/logout',
  async handle(ctx, tenant) {
    const { client_id: clientId, returnTo } = ctx.query;
    if (Array.isArray(clientId) || Array.isArray(returnTo)) {
      return badRequest(ctx, tenant, 'client_id and returnTo must not repeat.');
    }
    const app = clientId ? tenant.config.clients.find((client) => client.client_id === clientId) : undefined;
    if (clientId && !app) return badRequest(ctx, tenant, `Unknown client_id "${clientId}".`);
    const allowed = app ? app.allowed_logout_urls : tenant.config.allowed_logout_urls;
    if (returnTo !== undefined && !allowed.includes(returnTo)) {
      return badRequest(
        ctx,
        tenant,
        `The "returnTo" querystring parameter "${returnTo}" is not defined as a valid URL in "Allowed Logout URLs"${app ? ` of application "${app.client_id}"` : ' of the tenant (no client_id was sent)'}.`,
      );
    }

    const { provider } = tenant;
    const session = await provider.Session.get(ctx as unknown as KoaContextWithOIDC);
    if (!(session as { new?: boolean }).new) await session.destroy();
    ctx.cookies.set(provider.cookieName('session'), null, { httpOnly: true, sameSite: 'lax', signed: true });

    const target = returnTo ?? app?.allowed_logout_urls[0];
    ctx.set('cache-control', 'no-store');
    if (target) return ctx.redirect(target);
    ctx.type = 'html';
    ctx.body = renderPage({
      tenantName: tenant.config.tenantName,
      title: 'Logged out',
      body: '<h1>You are logged out</h1><p class="sub">You can close this window.</p>',
    });
  },
};
