import { type GrantOptions, requestTokens } from './token.js';
import type { TokenEndpointResponse } from './types.js';

/** The fields every MFA grant sends besides its own. */
export interface MfaGrantOptions extends GrantOptions {
  /** The `mfa_token` of `mfa_required` (`MfaRequiredError#mfaToken`). */
  mfa_token: string;
}

/** Options of {@link mfaOtpGrant}: the seed's `OTP` schema (and `003_…`, the MFA OTP grant schema). */
export interface MfaOtpGrantOptions extends MfaGrantOptions {
  /** The code of the user's authenticator app. */
  otp: string;
}

/**
 * Completes `mfa_required` with a one-time password of the user's authenticator app
 * (`grant_type=http://auth0.com/oauth/grant-type/mfa-otp`); also verifies a new OTP
 * authenticator after `mfaAssociate()`. Returns the token response unvalidated.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} `invalid_grant` (wrong code, expired or reused `mfa_token`), `too_many_attempts`,
 *   `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#verify-with-one-time-password-otp-
 * @example
 * const tokens = await mfaOtpGrant({ domain, clientId, mfa_token: error.mfaToken, otp: '123456' });
 */
export function mfaOtpGrant(options: MfaOtpGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(options, 'http://auth0.com/oauth/grant-type/mfa-otp', { mfa_token: 's', otp: 's' });
}

/** Options of {@link mfaOobGrant}: the seed's `OOB` schema. */
export interface MfaOobGrantOptions extends MfaGrantOptions {
  /** The `oob_code` of `mfaChallenge()` or `mfaAssociate()`. */
  oob_code: string;
  /** The code the user received, when the challenge's `binding_method` is `prompt`. */
  binding_code?: string;
}

/**
 * Completes an out-of-band challenge (SMS, voice, push)
 * (`grant_type=http://auth0.com/oauth/grant-type/mfa-oob`). While a push is not yet accepted the
 * server answers `authorization_pending`: call again after a few seconds.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} `authorization_pending`, `slow_down`, `invalid_grant` (wrong binding code,
 *   rejected push, expired `mfa_token`), `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#verify-with-out-of-band-oob-
 * @example
 * const { oob_code } = await mfaChallenge({ domain, clientId, mfa_token, challenge_type: 'oob' });
 * const tokens = await mfaOobGrant({ domain, clientId, mfa_token, oob_code, binding_code: codeFromSms });
 */
export function mfaOobGrant(options: MfaOobGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(options, 'http://auth0.com/oauth/grant-type/mfa-oob', {
    mfa_token: 's',
    oob_code: 's',
    binding_code: 's?',
  });
}

/** Options of {@link mfaRecoveryCodeGrant}: the seed's `RecoveryCode` schema. */
export interface MfaRecoveryCodeGrantOptions extends MfaGrantOptions {
  /** A recovery code the user saved at enrolment. */
  recovery_code: string;
}

/**
 * Completes `mfa_required` with a recovery code, when the user's device is unavailable
 * (`grant_type=http://auth0.com/oauth/grant-type/mfa-recovery-code`). The used code is spent:
 * the answer's `recovery_code` is the new one to show the user.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} `invalid_grant` (wrong or used code, expired `mfa_token`), `too_many_attempts`,
 *   `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#verify-with-recovery-code
 * @example
 * const tokens = await mfaRecoveryCodeGrant({ domain, clientId, mfa_token, recovery_code: 'M4LEVKVV9Q1YPQS3E2BDVWZK' });
 * showOnce(tokens.recovery_code);
 */
export function mfaRecoveryCodeGrant(options: MfaRecoveryCodeGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(options, 'http://auth0.com/oauth/grant-type/mfa-recovery-code', {
    mfa_token: 's',
    recovery_code: 's',
  });
}
