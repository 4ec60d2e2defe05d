import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { escapeHtml, renderPage } from '../routes/html.js';
import type { TenantRoute, TenantServices } from '../routes/TenantRoute.js';
import { passwordlessUser } from './passwordlessUser.js';
import { VERIFY_REDIRECT_PATH } from './start.js';

/** The cookie that carries a verified magic link from the link to the login page. */
const COOKIE = 'sesame_magic_link';

/**
 * `GET /passwordless/verify_redirect?verification_code&connection&client_id&email`: the
 * magic link. Checks the code (single-use, expiring), creates the user on first login, and
 * redirects to `/authorize` with the `authParams` given to `/passwordless/start`; a
 * short-lived cookie lets the login page of that authorization log the user in without a
 * form (see {@link takeMagicLinkLogin}), so the app's callback gets a code as usual.
 */
export const magicLink: TenantRoute = {
  method: 'GET',
  path: VERIFY_REDIRECT_PATH,
  async handle(ctx, tenant) {
    const query = (name: string) => (typeof ctx.query[name] === 'string' ? (ctx.query[name] as string) : '');
    const email = query('email');
    const check = tenant.auth0.passwordless.verify('email', email, query('verification_code'));
    ctx.set('cache-control', 'no-store');
    if (!check.ok || check.pending.clientId !== query('client_id')) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = renderPage({
        tenantName: tenant.config.tenantName,
        title: 'Link expired',
        body: `<h1>This link has expired</h1>
<p class="error">The login link for ${escapeHtml(email)} is invalid, used or expired.</p>
<p class="sub">Go back to the application and ask for a new one.</p>`,
      });
      return;
    }
    const user = await passwordlessUser(tenant.users, 'email', email);
    const ticket = randomBytes(24).toString('base64url');
    tenant.auth0.loginTickets.set(ticket, user.user_id, 300);
    ctx.cookies.set(COOKIE, ticket, { httpOnly: true, sameSite: 'lax', maxAge: 300_000, signed: false });
    const params = new URLSearchParams({
      response_type: 'code',
      ...check.pending.authParams,
      client_id: check.pending.clientId,
    });
    ctx.status = 303;
    ctx.redirect(`/authorize?${params}`);
  },
};

/**
 * On the login page: the user a magic link just verified in this browser, if any (the
 * ticket is single-use).
 */
export function takeMagicLinkLogin(ctx: Context, tenant: TenantServices): string | undefined {
  const ticket = ctx.cookies.get(COOKIE, { signed: false });
  if (!ticket) return undefined;
  ctx.cookies.set(COOKIE, null);
  const userId = tenant.auth0.loginTickets.get(ticket);
  tenant.auth0.loginTickets.delete(ticket);
  return userId;
}
