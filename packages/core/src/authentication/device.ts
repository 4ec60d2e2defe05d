import { AuthError } from '../errors/AuthError.js';
import { sleep } from '../util/sleep.js';
import { checkObject, clientIdOf, endpoint, fail, fields, jsonObject, send } from './http.js';
import { requestTokens } from './token.js';
import type { ClientOptions, TokenEndpointResponse } from './types.js';

/** Options of {@link requestDeviceCode}: the seed's `POST /oauth/device/code` fields. */
export interface DeviceCodeOptions extends ClientOptions {
  /** Space-separated scopes, e.g. `openid profile email offline_access`. */
  scope?: string;
  /** The API (its identifier) the access token is for; Auth0's `audience`. Default: the tenant's default audience, if set. */
  audience?: string;
}

/** The answer of {@link requestDeviceCode}: what to show the user, and what to poll with. */
export interface DeviceCodeResponse {
  /** The device's secret: pass it to {@link deviceCodeGrant}, never show it. */
  device_code: string;
  /** The code the user types at `verification_uri`. */
  user_code: string;
  /** Where the user goes (on another device) to enter `user_code`. */
  verification_uri: string;
  /** `verification_uri` with the user code in it (for a QR code). */
  verification_uri_complete?: string;
  /** Seconds until both codes expire. */
  expires_in: number;
  /** Seconds to wait between polls (5 when the server does not say). */
  interval?: number;
  [member: string]: unknown;
}

/**
 * Starts the device authorization flow: the device shows `user_code` and `verification_uri`,
 * the user approves on another device, and the device polls with {@link deviceCodeGrant} or
 * {@link pollDeviceToken}.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `unauthorized_client` (device code grant not enabled), `invalid_scope`,
 *   `access_denied`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#device-authorization-flow
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.1
 * @example
 * const device = await requestDeviceCode({ domain, clientId, scope: 'openid profile offline_access' });
 * show(`Go to ${device.verification_uri} and enter ${device.user_code}`);
 */
export async function requestDeviceCode(options: DeviceCodeOptions): Promise<DeviceCodeResponse> {
  const target = endpoint(options, '/oauth/device/code');
  const body = { client_id: clientIdOf(options), ...fields(options, { scope: 's?', audience: 's?' }) };
  const json = jsonObject(await send(target, { json: body }), '/oauth/device/code');
  if (
    typeof json.device_code !== 'string' ||
    typeof json.user_code !== 'string' ||
    typeof json.verification_uri !== 'string' ||
    typeof json.expires_in !== 'number'
  ) {
    throw new AuthError(
      'invalid_response',
      '/oauth/device/code answered without device_code, user_code, verification_uri or expires_in',
    );
  }
  return json as DeviceCodeResponse;
}

/** Options of {@link deviceCodeGrant}: the seed's `DeviceAuthorization` fields. */
export interface DeviceCodeGrantOptions extends ClientOptions {
  /** The `device_code` of {@link requestDeviceCode}. */
  device_code: string;
}

/**
 * One poll of the device flow (`grant_type=urn:ietf:params:oauth:grant-type:device_code`). Until
 * the user has decided it rejects with `authorization_pending` (or `slow_down`: poll 5 s less
 * often); {@link pollDeviceToken} runs the whole loop.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `authorization_pending`, `slow_down`, `expired_token`, `access_denied` (the user
 *   refused), `invalid_grant`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/get-started/authentication-and-authorization-flow/device-authorization-flow/call-your-api-using-the-device-authorization-flow#token-responses
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.4
 * @example
 * try { tokens = await deviceCodeGrant({ domain, clientId, device_code }); }
 * catch (e) { if (e instanceof AuthError && e.code === 'authorization_pending') retryLater(); else throw e; }
 */
export function deviceCodeGrant(options: DeviceCodeGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(
    options,
    'urn:ietf:params:oauth:grant-type:device_code',
    { device_code: 's' },
    'form',
    'none',
  );
}

/** Options of {@link pollDeviceToken}: spread the answer of {@link requestDeviceCode} into it. */
export interface PollDeviceTokenOptions extends DeviceCodeGrantOptions {
  /** Seconds between polls; 5 when left out. Each `slow_down` adds 5 for the rest of the loop. */
  interval?: number;
  /** Seconds from now until the device code expires; the loop then rejects with `expired_token`. */
  expires_in?: number;
}

/**
 * Polls {@link deviceCodeGrant} until the user approves or refuses: waits `interval` seconds
 * before each poll, continues on `authorization_pending`, adds 5 seconds to the interval on each
 * `slow_down` (RFC 8628 §3.5), and stops with `expired_token` once `expires_in` has passed.
 * `options.signal` stops the loop (the promise rejects with its reason); `timeoutInSeconds`
 * bounds each request, not the loop. Any other error (also a network error) ends the loop.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `expired_token`, `access_denied`, `invalid_grant`, `rate_limited`, `server_error`,
 *   `network_error` or `timeout`.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 * @see https://auth0.com/docs/get-started/authentication-and-authorization-flow/device-authorization-flow/call-your-api-using-the-device-authorization-flow#request-tokens
 * @example
 * const device = await requestDeviceCode({ domain, clientId, scope: 'openid offline_access' });
 * show(device.user_code, device.verification_uri_complete);
 * const abort = new AbortController(); // cancel button: abort.abort()
 * const tokens = await pollDeviceToken({ domain, clientId, ...device, signal: abort.signal });
 */
export async function pollDeviceToken(options: PollDeviceTokenOptions): Promise<TokenEndpointResponse> {
  const { interval = 5, expires_in, signal } = checkObject(options) as Partial<PollDeviceTokenOptions>;
  if (typeof interval !== 'number' || !(interval >= 0) || interval === Infinity)
    fail('options.interval', 'a number ≥ 0');
  if (expires_in !== undefined && (typeof expires_in !== 'number' || !(expires_in > 0))) {
    fail('options.expires_in', 'a number > 0');
  }
  endpoint(options as DeviceCodeGrantOptions, '/oauth/token');
  clientIdOf(options);
  fields(options, { device_code: 's' });
  const deadline = expires_in === undefined ? Number.POSITIVE_INFINITY : Date.now() + expires_in * 1000;
  let wait = interval;
  for (;;) {
    await sleep(wait * 1000, signal);
    if (Date.now() >= deadline)
      throw new AuthError('expired_token', 'the device code expired before the user decided');
    try {
      return await deviceCodeGrant(options);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error.code === 'slow_down') wait += 5;
      else if (error.code !== 'authorization_pending') throw error;
    }
  }
}
