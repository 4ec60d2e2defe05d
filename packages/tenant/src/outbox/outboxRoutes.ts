import { devOnly } from '../routes/devRoutes.js';
import { escapeHtml, renderPage } from '../routes/html.js';
import type { TenantRoute } from '../routes/TenantRoute.js';

/**
 * `GET /__dev/outbox[?to=address]`: the emails and SMS the tenant "sent", oldest first, as a
 * JSON array of {@link OutboxMessage} (with the parsed `code` / `link`). Only with `dev: true`.
 */
export const devOutbox: TenantRoute = {
  ...devOnly,
  method: 'GET',
  path: '/__dev/outbox',
  handle(ctx, tenant) {
    const to = typeof ctx.query.to === 'string' ? ctx.query.to : undefined;
    ctx.set('cache-control', 'no-store');
    ctx.set('access-control-allow-origin', '*');
    ctx.body = tenant.auth0.outbox.list(to);
  },
};

/** `DELETE /__dev/outbox`: empties the outbox; 204. */
export const devOutboxClear: TenantRoute = {
  ...devOnly,
  method: 'DELETE',
  path: '/__dev/outbox',
  handle(ctx, tenant) {
    tenant.auth0.outbox.clear();
    ctx.set('access-control-allow-origin', '*');
    ctx.status = 204;
  },
};

/** `GET /__dev/outbox.html[?to=address]`: the outbox for people, newest first, links clickable. */
export const devOutboxHtml: TenantRoute = {
  ...devOnly,
  method: 'GET',
  path: '/__dev/outbox.html',
  handle(ctx, tenant) {
    const to = typeof ctx.query.to === 'string' ? ctx.query.to : undefined;
    const messages = tenant.auth0.outbox.list(to).reverse();
    const items = messages.map(
      (
        m,
      ) => `<li><p><strong>${escapeHtml(m.channel)} to ${escapeHtml(m.to)}</strong> · ${escapeHtml(m.purpose)} · ${escapeHtml(m.sent_at)}</p>
${m.subject ? `<p>${escapeHtml(m.subject)}</p>` : ''}<p>${escapeHtml(m.text)}</p>
${m.code ? `<p>Code: <code>${escapeHtml(m.code)}</code></p>` : ''}${m.link ? `<p><a href="${escapeHtml(m.link)}">Open the link</a></p>` : ''}</li>`,
    );
    ctx.set('cache-control', 'no-store');
    ctx.type = 'html';
    ctx.body = renderPage({
      tenantName: tenant.config.tenantName,
      title: 'Outbox',
      body: `<h1>Outbox</h1><p class="sub">${messages.length} message(s) the tenant would have sent${to ? ` to ${escapeHtml(to)}` : ''}.</p>
<ul>${items.join('') || '<li>Nothing yet.</li>'}</ul>`,
    });
  },
};
