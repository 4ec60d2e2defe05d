import {
  checkObject,
  checkString,
  clientAuthentication,
  clientIdOf,
  endpoint,
  fail,
  fields,
  jsonArray,
  jsonObject,
  send,
} from './http.js';
import type { GrantOptions } from './token.js';
import type { DomainOptions } from './types.js';

/** Options of {@link mfaListAuthenticators} and {@link mfaDeleteAuthenticator}. */
export interface MfaAccessTokenOptions extends DomainOptions {
  /**
   * An access token for audience `https://{domain}/mfa/` with scope `read:authenticators` (list)
   * or `remove:authenticators` (delete), sent as `Authorization: Bearer`.
   */
  access_token: string;
}

/** An authenticator of the user, as {@link mfaListAuthenticators} returns it. */
export interface MfaAuthenticator {
  /** The authenticator's id, e.g. `totp|dev_…`; what `mfaDeleteAuthenticator` and a challenge take. */
  id: string;
  /** `otp`, `oob`, `recovery-code`, ... */
  authenticator_type: string;
  /** The channels of an `oob` authenticator, as Auth0 lists them. */
  oob_channels?: string | null;
  /** Auth0's name of the channel of an `oob` authenticator (`sms`, `auth0`, `email`, ...). */
  oob_channel?: string;
  /** A display name (e.g. the masked phone number), when Auth0 has one. */
  name?: string | null;
  /** False until the authenticator has been verified once. */
  active: boolean;
  [member: string]: unknown;
}

/**
 * Lists the user's MFA authenticators.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `invalid_token`, `access_denied`/`insufficient_scope` (no `read:authenticators`),
 *   `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#list-authenticators
 * @example
 * const authenticators = await mfaListAuthenticators({ domain, access_token: mfaApiToken });
 * const otp = authenticators.find((a) => a.active && a.authenticator_type === 'otp');
 */
export async function mfaListAuthenticators(options: MfaAccessTokenOptions): Promise<MfaAuthenticator[]> {
  const target = endpoint(options, '/mfa/authenticators');
  const bearer = checkString(options.access_token, 'options.access_token');
  return jsonArray(await send(target, { bearer }), '/mfa/authenticators') as MfaAuthenticator[];
}

/** Options of {@link mfaDeleteAuthenticator}. */
export interface MfaDeleteAuthenticatorOptions extends MfaAccessTokenOptions {
  /** The `id` of a listed authenticator. */
  authenticator_id: string;
}

/**
 * Deletes one of the user's MFA authenticators.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `invalid_token`, `access_denied`/`insufficient_scope` (no `remove:authenticators`),
 *   `not_found`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#delete-an-authenticator
 * @example
 * await mfaDeleteAuthenticator({ domain, access_token: mfaApiToken, authenticator_id: 'totp|dev_6NWz8awwC8brh2dN' });
 */
export async function mfaDeleteAuthenticator(options: MfaDeleteAuthenticatorOptions): Promise<void> {
  checkObject(options);
  const id = checkString(options.authenticator_id, 'options.authenticator_id');
  const target = endpoint(options, `/mfa/authenticators/${encodeURIComponent(id)}`);
  const bearer = checkString(options.access_token, 'options.access_token');
  await send(target, { method: 'DELETE', bearer });
}

/** Options of {@link mfaAssociate}: the seed's `POST /mfa/associate` fields and its bearer token. */
export type MfaAssociateOptions = GrantOptions & {
  /** `otp` (an authenticator app) or `oob` (SMS, voice, push). */
  authenticator_types: ('otp' | 'oob' | (string & {}))[];
  /** With `oob`: `auth0` (Guardian push), `sms`, `voice`, ... */
  oob_channels?: ('auth0' | 'sms' | 'voice' | (string & {}))[];
  /** With the `sms` or `voice` channel. */
  phone_number?: string;
} & (
    | {
        /** The `mfa_token` of `mfa_required`, for a user with no active authenticator yet. */
        mfa_token: string;
        /** Not with `mfa_token`. */
        access_token?: never;
      }
    | {
        /** An access token for audience `https://{domain}/mfa/` with scope `enroll`. */
        access_token: string;
        /** Not with `access_token`. */
        mfa_token?: never;
      }
  );

/** A new, not yet verified authenticator; `recovery_codes` comes with the user's first one. */
export type MfaAssociateResponse = (
  | {
      /** An authenticator app (TOTP). */
      authenticator_type: 'otp';
      /** The TOTP secret (base32), also inside `barcode_uri`. */
      secret: string;
      /** An `otpauth://` URI to show as a QR code. */
      barcode_uri: string;
    }
  | {
      /** An out-of-band authenticator (SMS, voice, push). */
      authenticator_type: 'oob';
      /** Its channel: `sms`, `voice`, `auth0` (push), ... */
      oob_channel: string;
      /** Verify the enrolment with `mfaOobGrant()` and this code. */
      oob_code: string;
      /** `prompt` when the user must type the code that was sent (`binding_code`). */
      binding_method?: string;
      /** For push (`auth0`): a URI to show as a QR code to the Guardian app. */
      barcode_uri?: string;
    }
) & {
  /** With the user's first authenticator: recovery codes to show once. */
  recovery_codes?: string[];
  [member: string]: unknown;
};

/**
 * Adds an authenticator for the user. It is active once verified: with `mfaOtpGrant()` (a code of
 * the new app) or `mfaOobGrant()` (its `oob_code`), using the same `mfa_token`.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} `invalid_token` / `expired_token` (the bearer), `access_denied` (the user already
 *   has an active authenticator: use an access token with `enroll`), `unsupported_challenge_type`,
 *   `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#add-an-authenticator
 * @example
 * const { secret, barcode_uri, recovery_codes } = await mfaAssociate({
 *   domain, clientId, mfa_token: error.mfaToken, authenticator_types: ['otp'],
 * });
 */
export async function mfaAssociate(options: MfaAssociateOptions): Promise<MfaAssociateResponse> {
  const target = endpoint(options, '/mfa/associate');
  const body = {
    client_id: clientIdOf(options),
    ...fields(options, { authenticator_types: 'a', oob_channels: 'a?', phone_number: 's?' }),
    ...clientAuthentication(options),
  };
  const { mfa_token, access_token } = options;
  if ((mfa_token === undefined) === (access_token === undefined)) {
    fail('options.mfa_token', 'given, or else "options.access_token" (one of the two)');
  }
  const bearer = checkString(
    mfa_token ?? access_token,
    mfa_token !== undefined ? 'options.mfa_token' : 'options.access_token',
  );
  return jsonObject(await send(target, { json: body, bearer }), '/mfa/associate') as MfaAssociateResponse;
}

/** Options of {@link mfaChallenge}: the seed's `POST /mfa/challenge` fields. */
export interface MfaChallengeOptions extends GrantOptions {
  /** The `mfa_token` of `mfa_required`. */
  mfa_token: string;
  /** Space-separated challenge types the app accepts (`otp`, `oob`); all when left out. */
  challenge_type?: string;
  /** The `id` of the authenticator to challenge (see `mfaListAuthenticators()`). */
  authenticator_id?: string;
}

/** The challenge the server started: verify it with `mfaOtpGrant()` or `mfaOobGrant()`. */
export type MfaChallengeResponse =
  | {
      /** Verify with the authenticator app's code (`mfaOtpGrant()`). */
      challenge_type: 'otp';
      [member: string]: unknown;
    }
  | {
      /** Verify with `mfaOobGrant()` and `oob_code`. */
      challenge_type: 'oob';
      /** Pass to `mfaOobGrant()`. */
      oob_code: string;
      /** `prompt`: ask the user for the code that was sent and pass it as `binding_code`. */
      binding_method?: string;
      [member: string]: unknown;
    };

/**
 * Asks the server to challenge the user with an authenticator: for `oob` it sends the SMS, voice
 * call or push and returns the `oob_code`; for `otp` it only confirms that a code of the app is
 * expected (that request may be skipped).
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} `invalid_grant` / `expired_token` (the `mfa_token`), `unsupported_challenge_type`,
 *   `association_required` (no authenticator yet: use `mfaAssociate()`), `rate_limited`, `server_error`,
 *   `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#challenge-request
 * @example
 * const challenge = await mfaChallenge({ domain, clientId, mfa_token, challenge_type: 'oob' });
 * if (challenge.challenge_type === 'oob') tokens = await mfaOobGrant({ domain, clientId, mfa_token, oob_code: challenge.oob_code, binding_code });
 */
export async function mfaChallenge(options: MfaChallengeOptions): Promise<MfaChallengeResponse> {
  const target = endpoint(options, '/mfa/challenge');
  const body = {
    client_id: clientIdOf(options),
    ...fields(options, { mfa_token: 's', challenge_type: 's?', authenticator_id: 's?' }),
    ...clientAuthentication(options),
  };
  return jsonObject(await send(target, { json: body }), '/mfa/challenge') as MfaChallengeResponse;
}
