import { randomBytes } from 'node:crypto';
import {
  ApiError,
  apiRoute,
  applicationOf,
  badField,
  preflight,
  readBodyObject,
  stringField,
} from '../http/auth0Api.js';
import { readForm } from '../http/readForm.js';
import { escapeHtml, renderPage } from '../routes/html.js';
import type { TenantRoute, TenantServices } from '../routes/TenantRoute.js';
import { checkPasswordPolicy } from './passwordPolicy.js';
import { databaseConnection } from './signup.js';

/** Auth0's answer, the same whether or not the user exists (no user enumeration). */
export const CHANGE_PASSWORD_SENT = "We've just sent you an email to reset your password.";
/** Reset links work for a day. */
const TICKET_TTL = 86_400;
const RESET_PATH = '/lo/reset';

/**
 * `POST /dbconnections/change_password` (`client_id`, `email`, `connection`): when the user
 * exists, "sends" (to the outbox) an email whose link opens the tenant's reset page.
 * Answers Auth0's sentence as a JSON string in every case.
 */
export const dbChangePassword = apiRoute(
  { method: 'POST', path: '/dbconnections/change_password', style: 'dbconnections' },
  async (ctx, tenant) => {
    const body = await readBodyObject(ctx);
    const email = stringField(body, 'email', true);
    const connection = databaseConnection(tenant, body);
    const clientId = body.client_id === undefined ? undefined : applicationOf(ctx, tenant, body).client_id;
    const user = tenant.users.findByEmail(connection.name, email);
    if (user) {
      const ticket = randomBytes(24).toString('base64url');
      tenant.auth0.resetTickets.set(ticket, { userId: user.user_id, clientId }, TICKET_TTL);
      const link = `${tenant.issuer}${RESET_PATH.slice(1)}?ticket=${ticket}`;
      tenant.auth0.outbox.send({
        channel: 'email',
        to: user.email,
        purpose: 'reset_password',
        subject: `Reset your ${tenant.config.tenantName} password`,
        text: `Someone asked to reset your password. Open this link to choose a new one: ${link}`,
        link,
      });
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(CHANGE_PASSWORD_SENT);
  },
);

/** CORS preflight of `/dbconnections/change_password`. */
export const dbChangePasswordPreflight = preflight('/dbconnections/change_password');

function resetForm(tenant: TenantServices, ticket: string, error?: string) {
  return renderPage({
    tenantName: tenant.config.tenantName,
    title: 'Change your password',
    body: `<h1>Change your password</h1>
<p class="sub">Choose a new password for your account.</p>
<form method="post" action="${RESET_PATH}">
<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<label for="password">New password</label>
<input id="password" name="password" type="password" required autocomplete="new-password" autofocus>
<button type="submit">Change password</button>
</form>`,
  });
}

function invalidTicket(tenant: TenantServices) {
  return renderPage({
    tenantName: tenant.config.tenantName,
    title: 'Link expired',
    body: '<h1>This link has expired</h1><p class="error">The password reset link is invalid, used or expired.</p>',
  });
}

/** `GET /lo/reset?ticket=…`: the page of a reset link, a form for the new password. */
export const resetPasswordPage: TenantRoute = {
  method: 'GET',
  path: RESET_PATH,
  handle(ctx, tenant) {
    const ticket = typeof ctx.query.ticket === 'string' ? ctx.query.ticket : '';
    ctx.set('cache-control', 'no-store');
    ctx.type = 'html';
    if (!tenant.auth0.resetTickets.get(ticket)) {
      ctx.status = 400;
      ctx.body = invalidTicket(tenant);
      return;
    }
    ctx.body = resetForm(tenant, ticket);
  },
};

/**
 * `POST /lo/reset`: sets the new password (checked against the connection's policy), voids
 * the link and lifts the user's brute-force blocks.
 */
export const resetPasswordSubmit: TenantRoute = {
  method: 'POST',
  path: RESET_PATH,
  async handle(ctx, tenant) {
    const form = await readForm(ctx.req);
    const ticket = form.ticket ?? '';
    const found = tenant.auth0.resetTickets.get(ticket);
    const user = found && tenant.users.findById(found.userId);
    ctx.set('cache-control', 'no-store');
    ctx.type = 'html';
    if (!user) {
      ctx.status = 400;
      ctx.body = invalidTicket(tenant);
      return;
    }
    const connection = tenant.config.connections.find((candidate) => candidate.name === user.connection);
    try {
      if (!form.password) throw badField('password', 'is required');
      if (connection) checkPasswordPolicy(connection, form.password);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      ctx.status = 400;
      ctx.body = resetForm(tenant, ticket, error.message);
      return;
    }
    await tenant.users.setPassword(user.user_id, form.password);
    tenant.auth0.resetTickets.delete(ticket);
    tenant.auth0.bruteForce.clear(user.user_id);
    ctx.body = renderPage({
      tenantName: tenant.config.tenantName,
      title: 'Password changed',
      body: '<h1>Password changed</h1><p class="sub">You can now log in with your new password.</p>',
    });
  },
};
