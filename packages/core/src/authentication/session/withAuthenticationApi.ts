import type { AuthClient, User } from '../../types.js';
import type { SignupResponse } from '../dbConnections.js';
import { changePassword, type SessionChangePasswordOptions } from './changePassword.js';
import { createSession, type LoginTarget } from './createSession.js';
import { type DeviceMethods, device } from './device.js';
import { getUserInfo } from './getUserInfo.js';
import { type LoginWithPasswordOptions, loginWithPassword } from './loginWithPassword.js';
import { type MfaMethods, mfa } from './mfa.js';
import { type PasswordlessMethods, passwordless } from './passwordless.js';
import { revokeRefreshToken } from './revokeRefreshToken.js';
import { type SessionSignupOptions, signup } from './signup.js';

/**
 * The session methods `withAuthenticationApi()` adds to a client. Every method that returns
 * tokens signs the user into the same session as a redirect login: the ID token is validated as in
 * the redirect flow, the tokens are stored, the snapshot becomes `authenticated` and other tabs
 * follow; a failure changes nothing stored and is also published as the snapshot's `error`.
 * Bad arguments reject with a `TypeError` naming them; no error or log contains a token.
 *
 * @example
 * const auth = withAuthenticationApi(createAuthClient({ domain, clientId }));
 * await auth.passwordless.start({ connection: 'email', email, send: 'code' });
 * await auth.passwordless.login({ connection: 'email', email, otp });
 */
export interface AuthenticationApiMethods {
  /**
   * Signs in with a password: the password-realm grant in `realm`, else the password grant.
   * @throws {AuthError} `invalid_grant` (wrong credentials), `mfa_required` (`MfaRequiredError`), `too_many_attempts`, ...
   * @example await auth.loginWithPassword({ username, password, realm: 'Username-Password-Authentication' });
   */
  loginWithPassword(options: LoginWithPasswordOptions): Promise<void>;
  /** Passwordless login by email or SMS: `start()` sends the code, `login()` signs in with it. */
  readonly passwordless: PasswordlessMethods;
  /**
   * Creates a user in a database connection; with `login: true`, then signs the user in.
   * @returns The created user.
   * @throws {AuthError} `user_exists`, `invalid_password`, `invalid_signup`, ...; with `login`, those of `loginWithPassword()`.
   * @example await auth.signup({ connection: 'Username-Password-Authentication', email, password, login: true });
   */
  signup(options: SessionSignupOptions): Promise<SignupResponse>;
  /**
   * Asks for the reset-password email; the session is untouched.
   * @returns The server's message.
   * @example await auth.changePassword({ connection: 'Username-Password-Authentication', email });
   */
  changePassword(options: SessionChangePasswordOptions): Promise<string>;
  /** The second factor after an `MfaRequiredError`: authenticators, enrolment, challenge, `verify()`. */
  readonly mfa: MfaMethods;
  /** The device authorization flow: `start()` the codes to show, `poll()` until the user approves. */
  readonly device: DeviceMethods;
  /**
   * Revokes the stored refresh token at `/oauth/revoke` and drops it in every tab. The access
   * token stays usable until it expires.
   * @example await auth.revokeRefreshToken();
   */
  revokeRefreshToken(options?: LoginTarget): Promise<void>;
  /**
   * `/userinfo` with the current access token (a DPoP-bound one as `Authorization: DPoP` with a
   * proof), used only if its `sub` is the ID token's (else `AuthError('invalid_response')`).
   * @example const { email_verified } = await auth.getUserInfo();
   */
  getUserInfo(options?: LoginTarget): Promise<User>;
}

/**
 * A client made by `createAuthClient()` with the session methods of the Authentication API.
 * @example const auth: AuthenticationApiClient = withAuthenticationApi(createAuthClient(options));
 */
export type AuthenticationApiClient<TClient extends AuthClient = AuthClient> = TClient &
  AuthenticationApiMethods;

/**
 * Adds the session methods of the Auth0 Authentication API (password, passwordless, signup, MFA,
 * device code, refresh-token revocation, userinfo) to a client made by `createAuthClient()`, and
 * returns that same client. Kept out of `createAuthClient()` so that an app that logs in by
 * redirect only does not ship them. The methods are own functions of the client, so the React
 * and Vue bindings' `useAuth()` passes the top-level ones through; reach `passwordless`, `mfa`
 * and `device` through the client (`useAuth().client`, or the object this returns).
 *
 * The requests go to the issuer's origin (an Auth0 tenant, or an Auth0-compatible server such as
 * `@sesame/tenant`) with the client's `fetch` and `httpTimeoutInSeconds`.
 *
 * @param client - A client made by `createAuthClient()`.
 * @returns `client`, with the methods of {@link AuthenticationApiMethods}.
 * @throws {TypeError} when `client` was not made by `createAuthClient()`.
 * @example
 * import { createAuthClient } from '@sesame/core';
 * import { MfaRequiredError, withAuthenticationApi } from '@sesame/core/authentication';
 *
 * const auth = withAuthenticationApi(createAuthClient({ domain: 'example.eu.auth0.com', clientId: 'abc' }));
 * try {
 *   await auth.loginWithPassword({ username, password, realm: 'Username-Password-Authentication' });
 * } catch (e) {
 *   if (e instanceof MfaRequiredError) await auth.mfa.verify({ mfaToken: e.mfaToken, otp: await askForCode() });
 * }
 * auth.getSnapshot().status; // 'authenticated'
 */
export function withAuthenticationApi<TClient extends AuthClient>(
  client: TClient,
): AuthenticationApiClient<TClient> {
  if ('loginWithPassword' in client) return client as AuthenticationApiClient<TClient>;
  const session = createSession(client);
  const methods: AuthenticationApiMethods = {
    loginWithPassword: (options) => loginWithPassword(session, options),
    passwordless: passwordless(session),
    signup: (options) => signup(session, options),
    changePassword: (options) => changePassword(session, options),
    mfa: mfa(session),
    device: device(session),
    revokeRefreshToken: (options) => revokeRefreshToken(session, options),
    getUserInfo: (options) => getUserInfo(session, options),
  };
  // The same object, extended: `subscribe`, `getSnapshot` and the client's internals stay as they are.
  return Object.assign(client, methods);
}

export type { SessionChangePasswordOptions } from './changePassword.js';
export type { LoginTarget } from './createSession.js';
export type { DeviceAuthorization, DeviceMethods, DevicePending, DevicePollOptions } from './device.js';
export type { LoginWithPasswordOptions } from './loginWithPassword.js';
export type {
  MfaChallengeRequest,
  MfaEnrollOptions,
  MfaMethods,
  MfaVerifyOptions,
  MfaVerifyResult,
} from './mfa.js';
export type {
  PasswordlessLoginOptions,
  PasswordlessMethods,
  PasswordlessRecipient,
  PasswordlessSendOptions,
} from './passwordless.js';
export type { SessionSignupOptions } from './signup.js';
