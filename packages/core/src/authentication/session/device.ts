import { AuthError } from '../../errors/AuthError.js';
import { sleep } from '../../util/sleep.js';
import { deviceCodeGrant, requestDeviceCode } from '../device.js';
import { checkObject, checkString, fail } from '../http.js';
import type { LoginTarget, Session } from './createSession.js';

/**
 * What `device.start()` resolves with: what to show the user, and what `device.poll()` takes.
 * @example const { userCode, verificationUri } = await auth.device.start();
 */
export interface DeviceAuthorization {
  /** The device's secret: pass it to `device.poll()`, never show it. */
  deviceCode: string;
  /** The code the user types at `verificationUri`. */
  userCode: string;
  /** Where the user goes, on another device, to enter `userCode`. */
  verificationUri: string;
  /** `verificationUri` with the user code in it (for a QR code), when the server sends one. */
  verificationUriComplete: string | undefined;
  /** Seconds until the codes expire. */
  expiresIn: number;
  /** Seconds to wait between polls (5 when the server does not say). */
  interval: number;
}

/**
 * What `onPending` of `device.poll()` is told after each answer that says "not yet".
 * @example const onPending = ({ code, interval }: DevicePending) => show(`${code}: next try in ${interval} s`);
 */
export interface DevicePending {
  /** `slow_down` when the server asked to poll less often. */
  code: 'authorization_pending' | 'slow_down';
  /** The seconds the loop now waits before the next poll. */
  interval: number;
}

/**
 * Options of `device.poll()`: spread the result of `device.start()` into it.
 * @example await auth.device.poll({ ...started, signal: cancel.signal, onPending: showWaiting });
 */
export interface DevicePollOptions {
  /** The `deviceCode` of `device.start()`. */
  deviceCode: string;
  /** Seconds between polls; default 5. Each `slow_down` adds 5 for the rest of the loop (RFC 8628 §3.5). */
  interval?: number;
  /** Seconds from now until the device code expires: then the loop stops with `expired_token`. */
  expiresIn?: number;
  /** Stops the loop and any request in flight; the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Called after each `authorization_pending` or `slow_down` answer, e.g. to show that the device waits. */
  onPending?: (pending: DevicePending) => void;
}

/**
 * The device-flow methods of an extended client.
 * @example
 * const started = await auth.device.start();
 * await auth.device.poll(started);
 */
export interface DeviceMethods {
  /**
   * Starts the device authorization flow: show `userCode` and `verificationUri` (or a QR code of
   * `verificationUriComplete`), then call `poll()`.
   * @throws {TypeError} naming a malformed option.
   * @throws {AuthError} `unauthorized_client` (the device code grant is not enabled), `invalid_scope`,
   *   `rate_limited`, `server_error`, `network_error` or `timeout`.
   * @example const started = await auth.device.start({ audience: 'https://api.example' });
   */
  start(options?: LoginTarget): Promise<DeviceAuthorization>;
  /**
   * Polls until the user approves on another device, then signs the device in, into the same
   * session as a redirect login (ID token validated, tokens stored, snapshot `authenticated`).
   * Waits `interval` seconds before each poll, 5 more after each `slow_down`.
   * @throws {TypeError} naming a missing or malformed option.
   * @throws {AuthError} `expired_token` (the code expired before the user decided), `access_denied`
   *   (the user refused), `invalid_grant`, `invalid_response`, `rate_limited`, `server_error`,
   *   `network_error` or `timeout`; the signal's reason when `signal` aborts.
   * @example await auth.device.poll({ ...started, signal: cancel.signal });
   */
  poll(options: DevicePollOptions): Promise<void>;
}

const seconds = (value: unknown, name: string, fallback: number) => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY)
    fail(name, 'a number ≥ 0');
  return value;
};

/**
 * The device authorization flow of a session (RFC 8628): `start()` asks for the codes,
 * `poll()` waits for the user and signs the device in.
 *
 * @see https://auth0.com/docs/get-started/authentication-and-authorization-flow/device-authorization-flow
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.5
 * @example
 * const started = await auth.device.start();
 * show(`Go to ${started.verificationUri} and enter ${started.userCode}`);
 * await auth.device.poll({ ...started, onPending: () => showWaiting() });
 */
export function device(session: Session): DeviceMethods {
  const { server, ctx } = session;
  return {
    async start(options = {}) {
      const target = session.target(checkObject(options));
      const answer = await requestDeviceCode({ ...server, ...target });
      session.pending.set(answer.device_code, target);
      return {
        deviceCode: answer.device_code,
        userCode: answer.user_code,
        verificationUri: answer.verification_uri,
        verificationUriComplete: answer.verification_uri_complete,
        expiresIn: answer.expires_in,
        interval: typeof answer.interval === 'number' ? answer.interval : 5,
      };
    },
    async poll(options) {
      const { deviceCode, signal, onPending } = checkObject(options) as Partial<DevicePollOptions>;
      const device_code = checkString(deviceCode, 'options.deviceCode');
      let wait = seconds(options.interval, 'options.interval', 5);
      const expiresIn = seconds(options.expiresIn, 'options.expiresIn', Number.POSITIVE_INFINITY);
      if (signal !== undefined && typeof signal?.addEventListener !== 'function')
        fail('options.signal', 'an AbortSignal');
      if (onPending !== undefined && typeof onPending !== 'function') fail('options.onPending', 'a function');
      const deadline = ctx.config.now() + expiresIn * 1000;
      const target = session.pending.get(device_code) ?? session.target({});
      await session.login(target, async () => {
        for (;;) {
          await sleep(wait * 1000, signal);
          if (ctx.config.now() >= deadline)
            throw new AuthError('expired_token', 'the device code expired before the user decided');
          try {
            return await deviceCodeGrant({ ...server, device_code, ...(signal && { signal }) });
          } catch (error) {
            const code: string | undefined = error instanceof AuthError ? error.code : undefined;
            if (code !== 'authorization_pending' && code !== 'slow_down') throw error;
            if (code === 'slow_down') wait += 5;
            onPending?.({ code, interval: wait });
          }
        }
      });
      session.pending.delete(device_code);
    },
  };
}
