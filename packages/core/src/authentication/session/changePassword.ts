import { type ChangePasswordOptions, changePassword as changePasswordRequest } from '../dbConnections.js';
import { checkObject } from '../http.js';
import type { ClientOptions } from '../types.js';
import type { Session } from './createSession.js';

/**
 * Options of `changePassword()`: the user's email and database connection.
 * @example const options: SessionChangePasswordOptions = { email: 'ada@example.com', connection: 'Username-Password-Authentication' };
 */
export type SessionChangePasswordOptions = Omit<ChangePasswordOptions, keyof ClientOptions>;

/**
 * Asks the server to email the user a link to choose a new password
 * (`/dbconnections/change_password`). The answer is the same whether or not the user exists.
 * The session is not touched.
 *
 * @returns The server's message, e.g. "We've just sent you an email to reset your password."
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} the server's code; `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#change-password
 * @example await auth.changePassword({ email: 'ada@example.com', connection: 'Username-Password-Authentication' });
 */
export async function changePassword(
  session: Session,
  options: SessionChangePasswordOptions,
): Promise<string> {
  const { email, connection, organization } = checkObject(options) as Partial<SessionChangePasswordOptions>;
  return changePasswordRequest({
    ...session.server,
    email,
    connection,
    ...(organization !== undefined && { organization }),
  } as ChangePasswordOptions);
}
