import { clientAuthentication, clientIdOf, endpoint, fail, fields, jsonObject, send } from './http.js';
import { type GrantOptions, requestTokens } from './token.js';
import type { TokenEndpointResponse } from './types.js';

/**
 * Who receives the code: an email address (connection `email`) or a phone number (connection `sms`).
 * @example const to: PasswordlessRecipient = { connection: 'sms', phone_number: '+15551234567' };
 */
export type PasswordlessRecipient =
  | {
      /** The passwordless email connection. */
      connection: 'email';
      /** The user's email address, where the code or link goes. */
      email: string;
      /** Not with `email`. */
      phone_number?: never;
    }
  | {
      /** The passwordless SMS connection. */
      connection: 'sms';
      /** The user's phone number (E.164, e.g. `+15551234567`), where the code goes. */
      phone_number: string;
      /** Not with `sms`. */
      email?: never;
    };

/** Options of {@link passwordlessStart}: the seed's `POST /passwordless/start` fields. */
export type PasswordlessStartOptions = GrantOptions & {
  /** `link` sends a magic link (email only), `code` a one-time code. The server's default is `link`. */
  send?: 'link' | 'code';
  /** Parameters of the magic link (`scope`, `redirect_uri`, `response_type`, `state`, ...). */
  authParams?: Record<string, string>;
} & PasswordlessRecipient;

/** The answer of {@link passwordlessStart}. */
export interface PasswordlessStartResponse {
  /** The id of the request at Auth0. */
  _id?: string;
  /** The email address the code or link was sent to. */
  email?: string;
  /** Whether that email address is verified. */
  email_verified?: boolean;
  /** The phone number the code was sent to. */
  phone_number?: string;
  /** Whether that phone number is verified. */
  phone_verified?: boolean;
  /** The language of the message (from the request's `Accept-Language`). */
  request_language?: string;
  [member: string]: unknown;
}

/**
 * Sends the user a one-time code (or a magic link) by email or SMS, to finish with
 * {@link passwordlessOtpGrant}. Auth0 limits this to 50 emails per hour per IP (429
 * `rate_limited`, with `Retry-After` in the error's cause).
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} with the server's `error` (`bad.connection`, `bad.email`, `bad.phone_number`,
 *   `unauthorized_client`, ...) and `description`; `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#get-code-or-link
 * @example
 * await passwordlessStart({ domain, clientId, connection: 'email', email: 'ada@example.com', send: 'code' });
 * const tokens = await passwordlessOtpGrant({ domain, clientId, realm: 'email', username: 'ada@example.com', otp: code });
 */
export async function passwordlessStart(
  options: PasswordlessStartOptions,
): Promise<PasswordlessStartResponse> {
  const target = endpoint(options, '/passwordless/start');
  const body: Record<string, unknown> = {
    client_id: clientIdOf(options),
    ...fields(options, { connection: 's', email: 's?', phone_number: 's?', send: 's?', authParams: 'o?' }),
    ...clientAuthentication(options),
  };
  if (options.connection === 'email' && body.email === undefined)
    fail('options.email', 'given when connection is email');
  if (options.connection === 'sms' && body.phone_number === undefined) {
    fail('options.phone_number', 'given when connection is sms');
  }
  if (body.send !== undefined && body.send !== 'link' && body.send !== 'code')
    fail('options.send', '"link" or "code"');
  return jsonObject(await send(target, { json: body }), '/passwordless/start') as PasswordlessStartResponse;
}

/** Options of {@link passwordlessOtpGrant}: the seed's `AuthenticateUserWithVerificationCode` fields. */
export interface PasswordlessOtpGrantOptions extends GrantOptions {
  /** `email` or `sms`: the connection of {@link passwordlessStart}. */
  realm: 'email' | 'sms' | (string & {});
  /** The email address (realm `email`) or phone number (realm `sms`). */
  username: string;
  /** The code the user received. */
  otp: string;
  /** The API (its identifier) the access token is for; Auth0's `audience`. Default: the tenant's default audience, if set. */
  audience?: string;
  /** Space-separated scopes, e.g. `openid profile email offline_access`. */
  scope?: string;
  /** Sent as the seed's field; Auth0 does not redirect for this grant. */
  redirect_uri?: string;
}

/**
 * Exchanges the code sent by {@link passwordlessStart} for tokens (grant
 * `http://auth0.com/oauth/grant-type/passwordless/otp`, sent as JSON as the seed specifies).
 * Returns the token response unvalidated: the session validates the ID token and stores it.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret`/`clientAssertion` in a browser page.
 * @throws {AuthError} `invalid_grant` (wrong or expired code), `mfa_required` (an `MfaRequiredError`
 *   with `mfaToken`), `unauthorized_client`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#authenticate-user
 * @example
 * const tokens = await passwordlessOtpGrant({
 *   domain, clientId, realm: 'email', username: 'ada@example.com', otp: '123456', scope: 'openid profile email',
 * });
 */
export function passwordlessOtpGrant(options: PasswordlessOtpGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(
    options,
    'http://auth0.com/oauth/grant-type/passwordless/otp',
    { realm: 's', username: 's', otp: 's', audience: 's?', scope: 's?', redirect_uri: 's?' },
    'json',
  );
}
