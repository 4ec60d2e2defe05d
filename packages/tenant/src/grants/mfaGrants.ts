import type { KoaContextWithOIDC } from 'oidc-provider';
import type { MfaTransaction } from '../mfa/MfaStore.js';
import { isProblem, mfaTransaction } from '../mfa/mfaTransaction.js';
import { verifyTotp } from '../mfa/totp.js';
import type { ExtraGrantType, GrantTypeServices } from '../provider/extraGrantTypes.js';
import { grantError, required } from './grantErrors.js';
import { issueUserTokens } from './issueUserTokens.js';

const MFA = 'http://auth0.com/oauth/grant-type/mfa-';
/** Auth0's MFA grant types. */
export const MFA_OTP = `${MFA}otp`;
export const MFA_OOB = `${MFA}oob`;
export const MFA_RECOVERY_CODE = `${MFA}recovery-code`;

/** The transaction of the request's `mfa_token` (403 when it is unknown or another client's). */
function transactionOf(ctx: KoaContextWithOIDC, services: GrantTypeServices): [string, MfaTransaction] {
  const token = required(ctx, 'mfa_token');
  const found = mfaTransaction(services.auth0, token, ctx.oidc.client!.clientId);
  if (isProblem(found)) throw grantError(403, found.error, found.description);
  return [token, found];
}

/** Issues the tokens the first factor asked for and ends the MFA transaction. */
async function complete(
  ctx: KoaContextWithOIDC,
  services: GrantTypeServices,
  [token, transaction]: [string, MfaTransaction],
  factor: string,
) {
  await issueUserTokens(ctx, services, {
    userId: transaction.userId,
    scope: transaction.scope,
    resource: transaction.resource,
    amr: [...transaction.amr, 'mfa', factor],
    gty: String(ctx.oidc.params!.grant_type),
  });
  services.auth0.mfa.endTransaction(token);
}

/**
 * `…/mfa-otp`: `mfa_token` + `otp`, a TOTP of the user's authenticator app. The first
 * right code confirms an authenticator added by `/mfa/associate`.
 */
export const mfaOtpGrant = (services: GrantTypeServices): ExtraGrantType => ({
  name: MFA_OTP,
  parameters: ['mfa_token', 'otp'],
  async handler(ctx) {
    const found = transactionOf(ctx, services);
    const otp = required(ctx, 'otp');
    const { mfa } = services.auth0;
    const candidates = mfa.list(found[1].userId).filter((a) => a.authenticator_type === 'otp' && a.secret);
    const match = candidates.find((a) => verifyTotp(a.secret!, otp, services.auth0.now()));
    if (!match) throw grantError(403, 'invalid_grant', 'Invalid otp_code.');
    mfa.activate(match.id);
    await complete(ctx, services, found, 'otp');
  },
});

/**
 * `…/mfa-oob`: `mfa_token` + `oob_code` (from `/mfa/challenge` or `/mfa/associate`) +
 * `binding_code` (the code sent by SMS or email). Without the binding code it answers
 * `authorization_pending`, as Auth0 does until the challenge is answered.
 */
export const mfaOobGrant = (services: GrantTypeServices): ExtraGrantType => ({
  name: MFA_OOB,
  parameters: ['mfa_token', 'oob_code', 'binding_code'],
  async handler(ctx) {
    const found = transactionOf(ctx, services);
    const oobCode = required(ctx, 'oob_code');
    const { mfa } = services.auth0;
    const challenge = mfa.challenge(oobCode);
    if (!challenge || challenge.mfaToken !== found[0])
      throw grantError(403, 'invalid_grant', 'Invalid oob_code.');
    const binding = ctx.oidc.params!.binding_code;
    if (typeof binding !== 'string' || !binding) {
      throw grantError(
        400,
        'authorization_pending',
        'Authorization pending: please repeat the request in a few seconds.',
      );
    }
    if (binding.trim() !== challenge.bindingCode)
      throw grantError(403, 'invalid_grant', 'Invalid binding_code.');
    mfa.endChallenge(oobCode);
    mfa.activate(challenge.authenticatorId);
    await complete(ctx, services, found, 'oob');
  },
});

/**
 * `…/mfa-recovery-code`: `mfa_token` + `recovery_code`. Answers the tokens and a new
 * `recovery_code` (the used one is void), as Auth0 does.
 */
export const mfaRecoveryCodeGrant = (services: GrantTypeServices): ExtraGrantType => ({
  name: MFA_RECOVERY_CODE,
  parameters: ['mfa_token', 'recovery_code'],
  async handler(ctx) {
    const found = transactionOf(ctx, services);
    const code = required(ctx, 'recovery_code');
    const { mfa } = services.auth0;
    if (!mfa.checkRecoveryCode(found[1].userId, code)) {
      throw grantError(403, 'invalid_grant', 'Invalid recovery_code.');
    }
    await complete(ctx, services, found, 'recovery-code');
    const recoveryCode = mfa.newRecoveryCode(found[1].userId, true);
    ctx.body = { ...(ctx.body as object), recovery_code: recoveryCode };
  },
});
