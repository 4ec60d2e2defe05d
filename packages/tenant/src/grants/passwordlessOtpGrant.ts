import {
  PASSWORDLESS_CONNECTIONS,
  type PasswordlessConnection,
  passwordlessUser,
} from '../passwordless/passwordlessUser.js';
import type { ExtraGrantType, GrantTypeServices } from '../provider/extraGrantTypes.js';
import { finishLogin } from './finishLogin.js';
import { grantError, required } from './grantErrors.js';

/** Auth0's passwordless OTP grant type. */
export const PASSWORDLESS_OTP = 'http://auth0.com/oauth/grant-type/passwordless/otp';

/**
 * `grant_type=http://auth0.com/oauth/grant-type/passwordless/otp`: `realm` (`email` or
 * `sms`), `username` (the email or phone number) and the `otp` from `/passwordless/start`.
 * Creates the user on first login. Wrong, expired and exhausted codes answer 403
 * `invalid_grant` with Auth0's sentences.
 */
export const passwordlessOtpGrant = (services: GrantTypeServices): ExtraGrantType => ({
  name: PASSWORDLESS_OTP,
  parameters: ['realm', 'username', 'otp', 'scope', 'resource', 'audience', 'redirect_uri'],
  async handler(ctx) {
    const realm = required(ctx, 'realm');
    const username = required(ctx, 'username');
    const otp = required(ctx, 'otp');
    if (!PASSWORDLESS_CONNECTIONS.includes(realm as PasswordlessConnection)) {
      throw grantError(400, 'invalid_request', `realm must be one of ${PASSWORDLESS_CONNECTIONS.join(', ')}`);
    }
    const check = services.auth0.passwordless.verify(realm, username, otp);
    const wrong =
      realm === 'sms' ? 'Wrong phone number or verification code.' : 'Wrong email or verification code.';
    if (!check.ok) {
      const description = {
        wrong,
        expired: 'The verification code has expired. Please try to login again.',
        exhausted: "You've reached the maximum number of attempts. Please try to login again.",
      }[check.reason];
      throw grantError(403, 'invalid_grant', description);
    }
    if (check.pending.clientId !== ctx.oidc.client!.clientId) throw grantError(403, 'invalid_grant', wrong);
    const user = await passwordlessUser(services.users, realm as PasswordlessConnection, username);
    await finishLogin(ctx, services, user, [realm === 'sms' ? 'sms' : 'email']);
  },
});
