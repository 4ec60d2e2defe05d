import type { Context } from 'koa';
import { escapeHtml, renderPage } from '../routes/html.js';
import type { TenantServices } from '../routes/TenantRoute.js';
import type { StoredUser } from '../users/UserStore.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

/** The `login` result of an interaction that passed both factors. */
export interface MfaLogin {
  accountId: string;
  amr: string[];
}

function renderStep(ctx: Context, tenant: TenantServices, uid: string, userId: string, error?: string) {
  const { mfa } = tenant.auth0;
  const enrolling = !mfa.list(userId, true).some((a) => a.authenticator_type === 'otp');
  const pending = mfa.list(userId).find((a) => a.authenticator_type === 'otp' && !a.active);
  let enrolment = '';
  if (enrolling && pending?.secret) {
    const user = tenant.users.findById(userId);
    const barcodeUri = totpUri(pending.secret, user?.email || userId, tenant.config.tenantName);
    enrolment = `<p class="sub">Add this account to your authenticator app: scan or open
<a href="${escapeHtml(barcodeUri)}">${escapeHtml(barcodeUri.split('?')[0])}</a>, or type the key</p>
<p><code id="secret">${escapeHtml(pending.secret)}</code></p>`;
  }
  ctx.type = 'html';
  ctx.body = renderPage({
    tenantName: tenant.config.tenantName,
    title: enrolling ? 'Secure your account' : 'Verify your identity',
    body: `<h1>${enrolling ? 'Secure your account' : 'Verify your identity'}</h1>
${enrolment || '<p class="sub">Enter the 6-digit code from your authenticator app.</p>'}
<form method="post" action="/login/${escapeHtml(encodeURIComponent(uid))}">
<input type="hidden" name="action" value="mfa">
${error ? `<p class="error" role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<label for="code">Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required autofocus>
<button type="submit">Continue</button>
</form>`,
  });
}

/**
 * After the password (or a magic link), when the MFA policy asks for a second factor: the
 * enrolment page (a new TOTP secret to add to an authenticator app) for users without one,
 * else the challenge page; both ask for a code, posted as `action=mfa`.
 */
export function startMfaStep(
  ctx: Context,
  tenant: TenantServices,
  uid: string,
  user: StoredUser,
  amr: string[],
) {
  const { mfa } = tenant.auth0;
  mfa.startLogin(uid, user.user_id, amr);
  const hasOtp = mfa.list(user.user_id).some((a) => a.authenticator_type === 'otp');
  if (!hasOtp) {
    const { secret } = newTotpSecret(user.email || user.user_id, tenant.config.tenantName);
    mfa.add(user.user_id, { authenticator_type: 'otp', secret });
  }
  renderStep(ctx, tenant, uid, user.user_id);
}

/**
 * Checks the code of the MFA step; a right one confirms the authenticator.
 *
 * @returns the login to finish the interaction with, or `undefined` after rendering the
 *   page again with an error (401), or when no MFA step is pending.
 */
export function submitMfaStep(
  ctx: Context,
  tenant: TenantServices,
  uid: string,
  code: string,
): MfaLogin | undefined {
  const { mfa } = tenant.auth0;
  const pending = mfa.pendingLogin(uid);
  if (!pending) return undefined;
  const match = mfa
    .list(pending.userId)
    .find(
      (a) => a.authenticator_type === 'otp' && a.secret && verifyTotp(a.secret, code, tenant.auth0.now()),
    );
  if (!match) {
    ctx.status = 401;
    renderStep(ctx, tenant, uid, pending.userId, 'Wrong code. Try again.');
    return undefined;
  }
  mfa.activate(match.id);
  mfa.endLogin(uid);
  return { accountId: pending.userId, amr: [...pending.amr, 'mfa', 'otp'] };
}
