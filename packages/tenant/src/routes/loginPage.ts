import type { Context } from 'koa';
import { errors } from 'oidc-provider';
import { readForm } from '../http/readForm.js';
import { startMfaStep, submitMfaStep } from '../mfa/mfaLoginStep.js';
import { needsMfa } from '../mfa/mfaPolicy.js';
import { takeMagicLinkLogin } from '../passwordless/magicLink.js';
import { escapeHtml, renderPage } from './html.js';
import type { TenantRoute, TenantServices } from './TenantRoute.js';

type Interaction = Awaited<ReturnType<TenantServices['provider']['interactionDetails']>>;

function renderLogin(
  ctx: Context,
  tenant: TenantServices,
  interaction: Interaction,
  opts: { email?: string; error?: string },
) {
  const clientId = String(interaction.params.client_id ?? '');
  const app = tenant.config.clients.find((client) => client.client_id === clientId);
  const email =
    opts.email ?? (typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : '');
  ctx.type = 'html';
  ctx.body = renderPage({
    tenantName: tenant.config.tenantName,
    title: 'Log in',
    body: `<h1>Welcome</h1>
<p class="sub">Log in to continue to <strong>${escapeHtml(app?.name ?? clientId)}</strong>.</p>
<form method="post" action="/login/${escapeHtml(encodeURIComponent(interaction.uid))}" autocomplete="on">
<input type="hidden" name="action" value="login">
${opts.error ? `<p class="error" role="alert" id="error">${escapeHtml(opts.error)}</p>` : ''}
<label for="username">Email address</label>
<input id="username" name="username" type="email" required autocomplete="username" value="${escapeHtml(email)}"${email ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" required autocomplete="current-password"${email ? ' autofocus' : ''}>
<button type="submit">Continue</button>
</form>`,
  });
}

function renderConsent(ctx: Context, tenant: TenantServices, interaction: Interaction) {
  const clientId = String(interaction.params.client_id ?? '');
  const app = tenant.config.clients.find((client) => client.client_id === clientId);
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  const scopes = [
    ...(details.missingOIDCScope ?? []).filter((scope) => scope !== 'openid'),
    ...Object.values(details.missingResourceScopes ?? {}).flat(),
  ];
  ctx.type = 'html';
  ctx.body = renderPage({
    tenantName: tenant.config.tenantName,
    title: 'Authorize',
    body: `<h1>Authorize ${escapeHtml(app?.name ?? clientId)}</h1>
<p class="sub">The application asks for access to your account:</p>
<ul>${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('') || '<li>your identity</li>'}</ul>
<form method="post" action="/login/${escapeHtml(encodeURIComponent(interaction.uid))}">
<button type="submit" name="action" value="consent">Accept</button>
<button type="submit" name="action" value="deny" class="secondary">Decline</button>
</form>`,
  });
}

function renderExpired(ctx: Context, tenant: TenantServices) {
  ctx.status = 400;
  ctx.type = 'html';
  ctx.body = renderPage({
    tenantName: tenant.config.tenantName,
    title: 'Session expired',
    body: `<h1>This login page has expired</h1>
<p class="error">Your login session was not found or has expired.</p>
<p class="sub">Go back to the application and start again.</p>`,
  });
}

async function details(ctx: Context, tenant: TenantServices, uid: string): Promise<Interaction | undefined> {
  try {
    const interaction = await tenant.provider.interactionDetails(ctx.req, ctx.res);
    return interaction.uid === uid ? interaction : undefined;
  } catch (error) {
    if (error instanceof errors.SessionNotFound) return undefined;
    throw error;
  }
}

/** The connection a login uses: `connection=` of the request, else the first database connection. */
function connectionFor(tenant: TenantServices, interaction: Interaction): string | undefined {
  const requested = interaction.params.connection;
  const names = tenant.config.connections.map((connection) => connection.name);
  return typeof requested === 'string' && names.includes(requested) ? requested : names[0];
}

async function finish(
  ctx: Context,
  tenant: TenantServices,
  result: Parameters<TenantServices['provider']['interactionResult']>[2],
) {
  const returnTo = await tenant.provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: false,
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

/** `GET /login/:uid`: the login form (or, for third-party applications, the consent form). */
export const loginPage: TenantRoute = {
  method: 'GET',
  path: '/login/:uid',
  async handle(ctx, tenant, { uid = '' }) {
    const interaction = await details(ctx, tenant, uid);
    if (!interaction) return renderExpired(ctx, tenant);
    ctx.set('cache-control', 'no-store');
    if (interaction.prompt.name === 'consent') return renderConsent(ctx, tenant, interaction);
    // A magic link verified in this browser logs in without the form.
    const linked = takeMagicLinkLogin(ctx, tenant);
    const linkedUser = linked ? tenant.users.findById(linked) : undefined;
    if (linkedUser) {
      if (needsMfa(tenant.config, tenant.auth0, linkedUser)) {
        return startMfaStep(ctx, tenant, interaction.uid, linkedUser, ['email']);
      }
      return finish(ctx, tenant, { login: { accountId: linkedUser.user_id, amr: ['email'] } });
    }
    renderLogin(ctx, tenant, interaction, {});
  },
};

/**
 * `POST /login/:uid`: checks the email and password against the database connection and
 * shows the form again with "Wrong email or password." when they do not match; accepts or
 * declines consent.
 */
export const loginSubmit: TenantRoute = {
  method: 'POST',
  path: '/login/:uid',
  async handle(ctx, tenant, { uid = '' }) {
    const interaction = await details(ctx, tenant, uid);
    if (!interaction) return renderExpired(ctx, tenant);
    ctx.set('cache-control', 'no-store');
    const form = await readForm(ctx.req);

    if (form.action === 'mfa') {
      const login = submitMfaStep(ctx, tenant, interaction.uid, form.code ?? '');
      if (login) return finish(ctx, tenant, { login: { ...login } });
      if (ctx.status !== 401) return renderExpired(ctx, tenant);
      return;
    }

    if (form.action === 'deny') {
      return finish(ctx, tenant, {
        error: 'access_denied',
        error_description: 'User did not authorize the request',
      });
    }

    if (
      form.action === 'consent' &&
      interaction.prompt.name === 'consent' &&
      interaction.session?.accountId
    ) {
      const { provider } = tenant;
      const grant = interaction.grantId
        ? ((await provider.Grant.find(interaction.grantId)) ?? undefined)
        : new provider.Grant({
            accountId: interaction.session.accountId,
            clientId: String(interaction.params.client_id),
          });
      if (!grant) return renderExpired(ctx, tenant);
      const promptDetails = interaction.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (promptDetails.missingOIDCScope) grant.addOIDCScope(promptDetails.missingOIDCScope.join(' '));
      if (promptDetails.missingOIDCClaims) grant.addOIDCClaims(promptDetails.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(promptDetails.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      return finish(ctx, tenant, { consent: { grantId } });
    }

    const email = (form.username ?? form.email ?? '').trim();
    const password = form.password ?? '';
    const connection = connectionFor(tenant, interaction);
    const user =
      email && password && connection
        ? await tenant.users.authenticate(connection, email, password)
        : undefined;
    if (!user) {
      ctx.status = 401;
      return renderLogin(ctx, tenant, interaction, { email, error: 'Wrong email or password.' });
    }
    if (needsMfa(tenant.config, tenant.auth0, user)) {
      return startMfaStep(ctx, tenant, interaction.uid, user, ['pwd']);
    }
    await finish(ctx, tenant, { login: { accountId: user.user_id, amr: ['pwd'] } });
  },
};
