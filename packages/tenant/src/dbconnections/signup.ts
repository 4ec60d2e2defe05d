import {
  ApiError,
  apiRoute,
  applicationOf,
  type Body,
  badField,
  preflight,
  readBodyObject,
  stringField,
} from '../http/auth0Api.js';
import type { TenantServices } from '../routes/TenantRoute.js';
import { checkPasswordPolicy } from './passwordPolicy.js';

const PROFILE_FIELDS = ['given_name', 'family_name', 'name', 'nickname', 'picture'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** `user_metadata` as the seed limits it: an object of at most 10 string properties (names ≤ 100, values ≤ 500 chars). */
function userMetadata(body: Body): Record<string, string> | undefined {
  const value = body.user_metadata;
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badField('user_metadata', 'must be an object');
  const entries = Object.entries(value);
  if (entries.length > 10) throw badField('user_metadata', 'must have at most 10 properties');
  for (const [name, item] of entries) {
    if (name.length > 100)
      throw badField(`user_metadata.${name.slice(0, 20)}…`, 'property names must be at most 100 characters');
    if (typeof item !== 'string') throw badField(`user_metadata.${name}`, 'must be a string');
    if (item.length > 500) throw badField(`user_metadata.${name}`, 'must be at most 500 characters');
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The database connection named in the body. @throws {ApiError} 400 when it does not exist. */
export function databaseConnection(tenant: TenantServices, body: Body) {
  const name = stringField(body, 'connection', true);
  const connection = tenant.config.connections.find((candidate) => candidate.name === name);
  if (!connection) throw new ApiError(400, 'invalid_connection', `Connection not found: ${name}`);
  return connection;
}

/**
 * `POST /dbconnections/signup`: creates a user of a database connection (JSON or form body:
 * `client_id`, `connection`, `email`, `password`, `username` when the connection requires
 * one, profile fields, `user_metadata`). Answers Auth0's body `{ _id, email, email_verified, … }`;
 * errors in Auth0's `{ name, code, description, statusCode }` shape: a missing or ill-typed
 * field (named), unknown connection, `user_exists` / `username_exists`, `invalid_password`
 * naming the failed rules. Nothing is stored on error.
 */
export const dbSignup = apiRoute(
  { method: 'POST', path: '/dbconnections/signup', style: 'dbconnections' },
  async (ctx, tenant) => {
    const body = await readBodyObject(ctx);
    applicationOf(ctx, tenant, body);
    const connection = databaseConnection(tenant, body);
    const email = stringField(body, 'email', true);
    if (!EMAIL.test(email)) throw badField('email', 'must be an email address');
    const password = stringField(body, 'password', true);
    const username = stringField(body, 'username', connection.requires_username);
    const profile: Record<string, string> = {};
    for (const field of PROFILE_FIELDS) {
      const value = stringField(body, field);
      if (value !== undefined) profile[field] = value;
    }
    if (profile.picture && !URL.canParse(profile.picture)) throw badField('picture', 'must be a URL');
    const metadata = userMetadata(body);

    const { users } = tenant;
    if (users.findByEmail(connection.name, email)) {
      throw new ApiError(400, 'user_exists', 'The user already exists.');
    }
    if (username && users.findBy(connection.name, 'username', username)) {
      throw new ApiError(400, 'username_exists', 'The username already exists.');
    }
    checkPasswordPolicy(connection, password);

    const created = await users.create({ connection: connection.name, email, password, ...profile });
    const user =
      users.update(created.user_id, {
        ...(username ? { username } : {}),
        ...(metadata ? { user_metadata: metadata } : {}),
      }) ?? created;
    ctx.body = {
      _id: user.user_id.replace(/^auth0\|/, ''),
      email: user.email,
      email_verified: user.email_verified,
      ...(user.username ? { username: user.username } : {}),
      ...profile,
      ...(metadata ? { user_metadata: metadata } : {}),
    };
  },
);

/** CORS preflight of `/dbconnections/signup`. */
export const dbSignupPreflight = preflight('/dbconnections/signup');
