import { checkObject, fail } from '../http.js';
import {
  type PasswordlessRecipient,
  type PasswordlessStartOptions,
  type PasswordlessStartResponse,
  passwordlessOtpGrant,
  passwordlessStart,
} from '../passwordless.js';
import type { LoginTarget, Session } from './createSession.js';

export type { PasswordlessRecipient } from '../passwordless.js';

/**
 * Options of `passwordless.start()`.
 * @example await auth.passwordless.start({ connection: 'email', email: 'ada@example.com', send: 'code' });
 */
export type PasswordlessSendOptions = PasswordlessRecipient & {
  /** `code` (a one-time code for `passwordless.login()`) or `link` (a magic link, email only). Server default: `link`. */
  send?: 'code' | 'link';
  /** Parameters of the magic link (`redirect_uri`, `scope`, `state`, ...). */
  authParams?: Record<string, string>;
};

/**
 * Options of `passwordless.login()`.
 * @example await auth.passwordless.login({ connection: 'email', email: 'ada@example.com', otp: '123456' });
 */
export type PasswordlessLoginOptions = PasswordlessRecipient &
  LoginTarget & {
    /** The code the user received. */
    otp: string;
  };

/**
 * The passwordless methods of an extended client.
 * @example
 * await auth.passwordless.start({ connection: 'email', email, send: 'code' });
 * await auth.passwordless.login({ connection: 'email', email, otp });
 */
export interface PasswordlessMethods {
  /**
   * Sends the user a one-time code (or a magic link) by email or SMS. Auth0 allows 50 emails per
   * hour per IP (`rate_limited` after that).
   * @throws {TypeError} naming a missing or malformed option.
   * @throws {AuthError} the server's code (`bad.connection`, `bad.email`, ...), `rate_limited`,
   *   `server_error`, `network_error` or `timeout`.
   * @example await auth.passwordless.start({ connection: 'email', email: 'ada@example.com', send: 'code' });
   */
  start(options: PasswordlessSendOptions): Promise<PasswordlessStartResponse>;
  /**
   * Signs the user in with the code `start()` sent, into the same session as a redirect login
   * (ID token validated, tokens stored, snapshot `authenticated`, other tabs told).
   * @throws {TypeError} naming a missing or malformed option.
   * @throws {AuthError} `invalid_grant` (wrong or expired code; nothing stored changes), `mfa_required`
   *   (an `MfaRequiredError`), `invalid_response`, `rate_limited`, `server_error`, `network_error` or `timeout`.
   * @example await auth.passwordless.login({ connection: 'email', email: 'ada@example.com', otp: '123456' });
   */
  login(options: PasswordlessLoginOptions): Promise<void>;
}

/** The address of `options` for its connection, or a `TypeError` naming the missing one. */
function recipient(options: Partial<PasswordlessRecipient>): string {
  const { connection, email, phone_number } = options;
  if (connection !== 'email' && connection !== 'sms') fail('options.connection', '"email" or "sms"');
  const [value, name] = connection === 'email' ? [email, 'email'] : [phone_number, 'phone_number'];
  if (typeof value !== 'string' || !value)
    fail(`options.${name}`, `a non-empty string (connection ${connection})`);
  return value;
}

/**
 * The passwordless methods of a session: `start()` sends the code, `login()` exchanges it
 * (grant `http://auth0.com/oauth/grant-type/passwordless/otp`) and signs the user in.
 *
 * @see https://auth0.com/docs/api/authentication#get-code-or-link
 * @see https://auth0.com/docs/api/authentication#authenticate-user
 * @example
 * const auth = withAuthenticationApi(createAuthClient(options));
 * await auth.passwordless.start({ connection: 'sms', phone_number: '+15551234567', send: 'code' });
 * await auth.passwordless.login({ connection: 'sms', phone_number: '+15551234567', otp: codeFromUser });
 */
export function passwordless(session: Session): PasswordlessMethods {
  return {
    async start(options) {
      const { connection, send, authParams } = checkObject(options) as Partial<PasswordlessSendOptions>;
      const address = recipient(options);
      return passwordlessStart({
        ...session.server,
        ...(connection === 'email'
          ? { connection, email: address }
          : { connection: 'sms', phone_number: address }),
        ...(send !== undefined && { send }),
        ...(authParams !== undefined && { authParams }),
      } as PasswordlessStartOptions);
    },
    async login(options) {
      const { connection, otp } = checkObject(options) as Partial<PasswordlessLoginOptions>;
      const username = recipient(options);
      const target = session.target(options);
      await session.login(target, () =>
        passwordlessOtpGrant({
          ...session.server,
          ...target,
          realm: connection as string,
          username,
          otp: otp as string,
        }),
      );
    },
  };
}
