import type { KoaContextWithOIDC } from 'oidc-provider';
import { needsMfa } from '../mfa/mfaPolicy.js';
import type { GrantTypeServices } from '../provider/extraGrantTypes.js';
import type { StoredUser } from '../users/UserStore.js';
import { issueUserTokens, requestedAccess } from './issueUserTokens.js';

/**
 * Ends a first-factor grant (password, password-realm, passwordless OTP): issues the tokens,
 * or — when the MFA policy asks for a second factor — answers Auth0's 403
 * `{ error: 'mfa_required', error_description, mfa_token, mfa_requirements }`.
 */
export async function finishLogin(
  ctx: KoaContextWithOIDC,
  services: GrantTypeServices,
  user: StoredUser,
  amr: string[],
): Promise<void> {
  const { scope, resource } = requestedAccess(ctx);
  const gty = String(ctx.oidc.params!.grant_type);
  if (needsMfa(services.config, services.auth0, user)) {
    const mfaToken = services.auth0.mfa.createToken({
      userId: user.user_id,
      clientId: ctx.oidc.client!.clientId,
      scope,
      resource,
      amr,
    });
    // Which factors the user can be challenged with, or must enrol (as auth0-spa-js reads them).
    const active = services.auth0.mfa
      .list(user.user_id, true)
      .filter((a) => a.authenticator_type !== 'recovery-code')
      .map((a) => ({
        type: a.authenticator_type === 'otp' ? 'otp' : a.oob_channel === 'sms' ? 'phone' : 'email',
      }));
    ctx.status = 403;
    ctx.body = {
      error: 'mfa_required',
      error_description: 'Multifactor authentication required',
      mfa_token: mfaToken,
      mfa_requirements: active.length
        ? { challenge: active }
        : { enroll: [{ type: 'otp' }, { type: 'phone' }, { type: 'email' }] },
    };
    return;
  }
  await issueUserTokens(ctx, services, { userId: user.user_id, scope, resource, amr, gty });
}
