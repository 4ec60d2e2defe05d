import { escapeHtml, renderPage } from './html.js';
import type { TenantRoute } from './TenantRoute.js';

/**
 * `GET /`: a page saying what this server is and where to go — discovery, the outbox, device
 * activation — so the tenant's URL, as the README and the CLI list it, answers with more than a 404.
 */
export const homePage: TenantRoute = {
  method: 'GET',
  path: '/',
  handle(ctx, tenant) {
    const url = tenant.issuer;
    const link = (path: string, text: string) =>
      `<li><a href="${escapeHtml(url + path)}">${escapeHtml(text)}</a></li>`;
    const applications = tenant.config.clients.map((app) => `<code>${escapeHtml(app.client_id)}</code>`);
    ctx.type = 'html';
    ctx.body = renderPage({
      tenantName: tenant.config.tenantName,
      title: 'Tenant',
      body: `<h1>Local tenant</h1>
<p class="sub">An Auth0-compatible authorization server (oidc-provider) for development and tests.
Point an app at <code>${escapeHtml(url)}</code> as its domain.</p>
<ul>
${link('.well-known/openid-configuration', 'OpenID Connect discovery')}
${tenant.config.dev ? link('__dev/outbox.html', 'Outbox: the emails and text messages it “sent”') : ''}
${link('activate', 'Device activation')}
</ul>
<p class="sub">Applications: ${applications.join(', ') || 'none'}.</p>`,
    });
  },
};
