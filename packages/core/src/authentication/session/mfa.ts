import { checkObject, checkString, fail } from '../http.js';
import {
  type MfaAssociateResponse,
  type MfaAuthenticator,
  type MfaChallengeResponse,
  mfaAssociate,
  mfaChallenge,
  mfaListAuthenticators,
} from '../mfa.js';
import { mfaOobGrant, mfaOtpGrant, mfaRecoveryCodeGrant } from '../mfaGrants.js';
import type { TokenEndpointResponse } from '../types.js';
import type { LoginTarget, Session } from './createSession.js';

/**
 * Options of `mfa.enroll()`.
 * @example await auth.mfa.enroll({ mfaToken, authenticatorTypes: ['oob'], oobChannels: ['sms'], phoneNumber: '+15551234567' });
 */
export interface MfaEnrollOptions {
  /** The `mfaToken` of the `MfaRequiredError`. */
  mfaToken: string;
  /** `['otp']` (an authenticator app; the default) or `['oob']` (SMS, voice, push). */
  authenticatorTypes?: ('otp' | 'oob' | (string & {}))[];
  /** With `oob`: `sms`, `voice`, `auth0` (push), ... */
  oobChannels?: ('sms' | 'voice' | 'auth0' | (string & {}))[];
  /** With the `sms` or `voice` channel. */
  phoneNumber?: string;
}

/**
 * Options of `mfa.challenge()`.
 * @example await auth.mfa.challenge({ mfaToken, challengeType: 'oob', authenticatorId: 'sms|dev_123' });
 */
export interface MfaChallengeRequest {
  /** The `mfaToken` of the `MfaRequiredError`. */
  mfaToken: string;
  /** Space-separated challenge types the app accepts (`otp`, `oob`); all when left out. */
  challengeType?: string;
  /** The `id` of the authenticator to challenge (from `mfa.getAuthenticators()`). */
  authenticatorId?: string;
}

/**
 * Options of `mfa.verify()`: the `mfaToken` and one proof — a code of the authenticator app
 * (`otp`), an out-of-band challenge (`oobCode`, with the `bindingCode` the user received), or a
 * recovery code. `audience` and `scope` default to those of the login that threw `mfa_required`
 * (or to the client's, for an `mfa_required` of `getTokenSilently()`: pass that call's).
 */
export type MfaVerifyOptions = LoginTarget & {
  /** The `mfaToken` of the `MfaRequiredError`. */
  mfaToken: string;
} & (
    | {
        /** The authenticator app's current code (TOTP). */
        otp: string;
        /** Not with `otp`. */
        oobCode?: never;
        /** Not with `otp`. */
        recoveryCode?: never;
      }
    | {
        /** The `oobCode` of `mfa.challenge()` or `mfa.enroll()` (SMS, voice, push). */
        oobCode: string;
        /** The code the user received, when the challenge's `bindingMethod` is `prompt`. */
        bindingCode?: string;
        /** Not with `oobCode`. */
        otp?: never;
        /** Not with `oobCode`. */
        recoveryCode?: never;
      }
    | {
        /** One of the user's recovery codes; the answer brings its replacement. */
        recoveryCode: string;
        /** Not with `recoveryCode`. */
        otp?: never;
        /** Not with `recoveryCode`. */
        oobCode?: never;
      }
  );

/**
 * What `mfa.verify()` resolves with.
 * @example
 * const { recoveryCode } = await auth.mfa.verify({ mfaToken, recoveryCode: saved });
 * if (recoveryCode) showOnce(recoveryCode);
 */
export interface MfaVerifyResult {
  /** After a recovery code: the new one, which replaces it. Show it to the user once. */
  recoveryCode: string | undefined;
}

/**
 * The MFA methods of an extended client, for an `MfaRequiredError` of a login or of `getTokenSilently()`.
 * @example const authenticators = await auth.mfa.getAuthenticators(error.mfaToken);
 */
export interface MfaMethods {
  /**
   * The user's authenticators (the `mfaToken` is the credential).
   * @throws {TypeError} when `mfaToken` is not a non-empty string.
   * @throws {AuthError} `invalid_token` (expired `mfaToken`), `rate_limited`, `server_error`, `network_error` or `timeout`.
   * @example const active = (await auth.mfa.getAuthenticators(error.mfaToken)).filter((a) => a.active);
   */
  getAuthenticators(mfaToken: string): Promise<MfaAuthenticator[]>;
  /**
   * Adds an authenticator for a user who has none yet: `secret` and `barcode_uri` (otp), or an
   * `oob_code` to verify (oob); `recovery_codes` with the user's first one. It becomes active once
   * `verify()` succeeds with it.
   * @throws {TypeError} naming a missing or malformed option.
   * @throws {AuthError} `access_denied` (already enrolled), `invalid_token`, `rate_limited`, `server_error`,
   *   `network_error` or `timeout`.
   * @example const { barcode_uri, recovery_codes } = await auth.mfa.enroll({ mfaToken: error.mfaToken });
   */
  enroll(options: MfaEnrollOptions): Promise<MfaAssociateResponse>;
  /**
   * Starts a challenge: for `oob`, sends the SMS/push and returns the `oob_code` for `verify()`.
   * @throws {TypeError} naming a missing or malformed option.
   * @throws {AuthError} `invalid_grant`/`expired_token` (the `mfaToken`), `association_required`,
   *   `unsupported_challenge_type`, `rate_limited`, `server_error`, `network_error` or `timeout`.
   * @example const challenge = await auth.mfa.challenge({ mfaToken, challengeType: 'oob' });
   */
  challenge(options: MfaChallengeRequest): Promise<MfaChallengeResponse>;
  /**
   * Completes the login with the second factor, into the same session as a redirect login (ID
   * token validated, tokens stored, snapshot `authenticated`, other tabs told).
   * @returns The new recovery code after a recovery-code login.
   * @throws {TypeError} naming a missing or malformed option.
   * @throws {AuthError} `invalid_grant` (wrong code, expired `mfaToken`; nothing stored changes),
   *   `authorization_pending` (push not yet accepted: try again), `too_many_attempts`, `invalid_response`,
   *   `rate_limited`, `server_error`, `network_error` or `timeout`.
   * @example const { recoveryCode } = await auth.mfa.verify({ mfaToken: error.mfaToken, otp: '123456' });
   */
  verify(options: MfaVerifyOptions): Promise<MfaVerifyResult>;
}

/**
 * The MFA methods of a session, over `/mfa/authenticators`, `/mfa/associate`, `/mfa/challenge`
 * and the mfa-otp, mfa-oob and mfa-recovery-code grants.
 *
 * @see https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa
 * @example
 * try {
 *   await auth.loginWithPassword({ username, password, realm });
 * } catch (e) {
 *   if (!(e instanceof MfaRequiredError)) throw e;
 *   const { recoveryCode } = await auth.mfa.verify({ mfaToken: e.mfaToken, otp: await askForCode() });
 * }
 */
/** An optional string option, checked under the caller's name. */
const maybeString = (value: unknown, name: string) =>
  value === undefined ? undefined : checkString(value, name);

/** A non-empty array of non-empty strings, checked under the caller's name. */
function strings(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.length || !value.every((item) => typeof item === 'string' && item))
    fail(name, 'a non-empty array of non-empty strings');
  return value;
}

export function mfa(session: Session): MfaMethods {
  const { server } = session;
  return {
    async getAuthenticators(mfaToken) {
      return mfaListAuthenticators({ ...server, access_token: checkString(mfaToken, 'mfaToken') });
    },
    async enroll(options) {
      const {
        mfaToken,
        authenticatorTypes = ['otp'],
        oobChannels,
        phoneNumber,
      } = checkObject(options) as Partial<MfaEnrollOptions>;
      const mfa_token = checkString(mfaToken, 'options.mfaToken');
      const oob_channels =
        oobChannels === undefined ? undefined : strings(oobChannels, 'options.oobChannels');
      const phone_number = maybeString(phoneNumber, 'options.phoneNumber');
      return mfaAssociate({
        ...server,
        mfa_token,
        authenticator_types: strings(authenticatorTypes, 'options.authenticatorTypes'),
        ...(oob_channels && { oob_channels }),
        ...(phone_number && { phone_number }),
      });
    },
    async challenge(options) {
      const { mfaToken, challengeType, authenticatorId } = checkObject(
        options,
      ) as Partial<MfaChallengeRequest>;
      const mfa_token = checkString(mfaToken, 'options.mfaToken');
      const challenge_type = maybeString(challengeType, 'options.challengeType');
      const authenticator_id = maybeString(authenticatorId, 'options.authenticatorId');
      return mfaChallenge({
        ...server,
        mfa_token,
        ...(challenge_type && { challenge_type }),
        ...(authenticator_id && { authenticator_id }),
      });
    },
    async verify(options) {
      const { mfaToken, otp, oobCode, bindingCode, recoveryCode, audience, scope } = checkObject(options) as {
        [K in
          | 'mfaToken'
          | 'otp'
          | 'oobCode'
          | 'bindingCode'
          | 'recoveryCode'
          | 'audience'
          | 'scope']?: unknown;
      };
      const mfa_token = checkString(mfaToken, 'options.mfaToken');
      const proofs = [otp, oobCode, recoveryCode].filter((value) => value !== undefined).length;
      if (proofs !== 1)
        fail('options.otp', 'given, or else "options.oobCode" or "options.recoveryCode" (one of them)');
      const target =
        audience === undefined && scope === undefined
          ? (session.pending.get(mfa_token) ?? session.target({}))
          : session.target(options);
      const grant = { ...server, mfa_token };
      let request: () => Promise<TokenEndpointResponse>;
      if (otp !== undefined) {
        const code = checkString(otp, 'options.otp');
        request = () => mfaOtpGrant({ ...grant, otp: code });
      } else if (oobCode !== undefined) {
        const oob_code = checkString(oobCode, 'options.oobCode');
        const binding_code =
          bindingCode === undefined ? undefined : checkString(bindingCode, 'options.bindingCode');
        request = () => mfaOobGrant({ ...grant, oob_code, ...(binding_code && { binding_code }) });
      } else {
        const recovery_code = checkString(recoveryCode, 'options.recoveryCode');
        request = () => mfaRecoveryCodeGrant({ ...grant, recovery_code });
      }
      const tokens = await session.login(target, request);
      session.pending.delete(mfa_token);
      return { recoveryCode: typeof tokens.recovery_code === 'string' ? tokens.recovery_code : undefined };
    },
  };
}
