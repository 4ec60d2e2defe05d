import { type SignupOptions, type SignupResponse, signup as signupRequest } from '../dbConnections.js';
import { checkObject, fail } from '../http.js';
import type { ClientOptions } from '../types.js';
import type { LoginTarget, Session } from './createSession.js';
import { loginWithPassword } from './loginWithPassword.js';

/**
 * Options of `signup()`: the new user's fields, and whether to sign the user in.
 * @example const options: SessionSignupOptions = { connection: 'Username-Password-Authentication', email, password, login: true };
 */
export type SessionSignupOptions = Omit<SignupOptions, keyof ClientOptions> &
  LoginTarget & {
    /**
     * Then sign the new user in with the same email and password (password-realm grant in
     * `connection`), as `loginWithPassword()` does. Default `false`. `audience` and `scope` apply
     * to that login.
     */
    login?: boolean;
  };

const SIGNUP_FIELDS = [
  'email',
  'password',
  'connection',
  'username',
  'given_name',
  'family_name',
  'name',
  'nickname',
  'picture',
  'user_metadata',
] as const;

/**
 * Creates a user in a database connection (`/dbconnections/signup`) and, with `login: true`,
 * signs the user in, into the same session as a redirect login. When the signup succeeds and the
 * login fails (say `mfa_required`), the user exists: the login error is thrown.
 *
 * @returns The created user.
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} the server's code (`invalid_signup`, `invalid_password`, `user_exists`, ...);
 *   with `login`, the errors of `loginWithPassword()`; `rate_limited`, `server_error`,
 *   `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#signup
 * @example
 * const user = await auth.signup({
 *   connection: 'Username-Password-Authentication', email: 'ada@example.com', password, login: true,
 * });
 */
export async function signup(session: Session, options: SessionSignupOptions): Promise<SignupResponse> {
  const source = checkObject(options);
  if (options.login !== undefined && typeof options.login !== 'boolean') fail('options.login', 'a boolean');
  // Only the signup fields go to /dbconnections/signup; login, audience and scope are for the login.
  const fields = Object.fromEntries(
    SIGNUP_FIELDS.filter((name) => source[name] !== undefined).map((name) => [name, source[name]]),
  );
  if (options.login) session.target(options);
  const user = await signupRequest({ ...session.server, ...fields } as SignupOptions);
  if (options.login) {
    await loginWithPassword(session, {
      username: options.email,
      password: options.password,
      realm: options.connection,
      ...(options.audience !== undefined && { audience: options.audience }),
      ...(options.scope !== undefined && { scope: options.scope }),
    });
  }
  return user;
}
