import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';
import { escapeHtml, renderPage } from '../routes/html.js';
import { auth0Routes } from './auth0Routes.js';

/**
 * Auth0 posts a `web_message` response only to an origin listed in the application's
 * Allowed Web Origins. oidc-provider checks only that `redirect_uri` is a registered
 * callback, so this middleware refuses (400, nothing posted) a `web_message` request
 * whose `redirect_uri` origin is not an allowed web origin of `client_id`.
 */
export function checkWebMessageOrigin(provider: Provider, tenantName: string): Middleware {
  return async (ctx, next) => {
    if (
      ctx.path !== auth0Routes.authorization ||
      ctx.method !== 'GET' ||
      ctx.query.response_mode !== 'web_message'
    ) {
      return next();
    }
    const { client_id: clientId, redirect_uri: redirectUri } = ctx.query;
    if (typeof clientId !== 'string' || typeof redirectUri !== 'string') return next();
    const client = await provider.Client.find(clientId);
    if (!client) return next();
    const origin = URL.parse(redirectUri)?.origin;
    const allowed = (client.metadata().web_origins as string[] | undefined) ?? [];
    if (origin && allowed.includes(origin)) return next();
    ctx.state.tenantRoute = `GET ${auth0Routes.authorization}`;
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = renderPage({
      tenantName,
      title: 'Error',
      body: `<h1>Something went wrong</h1>
<p class="error"><strong>invalid_request</strong>: The origin "${escapeHtml(origin ?? redirectUri)}" is not in the Allowed Web Origins of application "${escapeHtml(clientId)}", so response_mode=web_message cannot answer it.</p>`,
    });
  };
}
