import { clientIdOf, endpoint, fields, jsonObject, parseJson, send } from './http.js';
import type { ClientOptions } from './types.js';

/** The profile fields of a database user, as {@link signup} sends them and the server echoes them. */
export interface SignupProfile {
  /** Only for connections that require a username. */
  username?: string;
  /** The user's given (first) name. */
  given_name?: string;
  /** The user's family (last) name. */
  family_name?: string;
  /** The user's full name. */
  name?: string;
  /** The user's nickname. */
  nickname?: string;
  /** A URL of the user's picture. */
  picture?: string;
  /** At most ten properties with string values of at most 500 characters (checked by the server). */
  user_metadata?: Record<string, string>;
}

/** Options of {@link signup}: the seed's `POST /dbconnections/signup` fields. */
export interface SignupOptions extends ClientOptions, SignupProfile {
  /** The new user's email address (the login identifier). */
  email: string;
  /** The new user's password; the connection's password policy applies (`invalid_password` otherwise). */
  password: string;
  /** The name of the database connection. */
  connection: string;
}

/** The user created by {@link signup}. */
export interface SignupResponse extends SignupProfile {
  /** The new user's id (without the `auth0|` prefix). */
  _id: string;
  /** The new user's email address. */
  email: string;
  /** False for a new user until the verification email's link is followed. */
  email_verified: boolean;
  [member: string]: unknown;
}

/**
 * Creates a user in a database connection (active authentication: the app collects the
 * password). It does not log the user in; follow with a login.
 *
 * @returns The created user.
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} with the server's `code` (`invalid_signup`, `invalid_password` for a weak
 *   password, `user_exists`, `bad_request`, ...) and `description`; `rate_limited`,
 *   `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#signup
 * @example
 * const user = await signup({
 *   domain: 'example.eu.auth0.com', clientId: 'hbRjkjWGQsXp7QDm',
 *   connection: 'Username-Password-Authentication', email: 'ada@example.com', password: 'c0rrect-H0rse',
 * });
 */
export async function signup(options: SignupOptions): Promise<SignupResponse> {
  const target = endpoint(options, '/dbconnections/signup');
  const body = {
    client_id: clientIdOf(options),
    ...fields(options, {
      email: 's',
      password: 's',
      connection: 's',
      username: 's?',
      given_name: 's?',
      family_name: 's?',
      name: 's?',
      nickname: 's?',
      picture: 's?',
      user_metadata: 'o?',
    }),
  };
  return jsonObject(await send(target, { json: body }), '/dbconnections/signup') as SignupResponse;
}

/** Options of {@link changePassword}: the seed's `POST /dbconnections/change_password` fields. */
export interface ChangePasswordOptions extends ClientOptions {
  /** The user's email address; Auth0 answers the same whether or not it exists. */
  email: string;
  /** The name of the database connection. */
  connection: string;
  /** The `organization_id` of the user's organization, for organization-specific email templates. */
  organization?: string;
}

/**
 * Asks the server to email the user a link to choose a new password. The answer is the same
 * whether or not the user exists, so it tells nothing about registered emails.
 *
 * @returns The server's message, e.g. "We've just sent you an email to reset your password."
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} with the server's `code` and `description`; `rate_limited`, `server_error`,
 *   `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#change-password
 * @example
 * await changePassword({ domain, clientId, connection: 'Username-Password-Authentication', email: 'ada@example.com' });
 */
export async function changePassword(options: ChangePasswordOptions): Promise<string> {
  const target = endpoint(options, '/dbconnections/change_password');
  const body = {
    client_id: clientIdOf(options),
    ...fields(options, { email: 's', connection: 's', organization: 's?' }),
  };
  const text = await send(target, { json: body });
  // The seed documents a JSON string; Auth0 also answers it as plain text.
  try {
    const value = parseJson(text);
    if (typeof value === 'string') return value;
  } catch {}
  return text;
}
