import { requestTokens, type SecretGrantOptions } from './token.js';
import type { TokenEndpointResponse } from './types.js';

/** Options of {@link passwordGrant}: the seed's `ResourceOwnerPassword` fields. */
export interface PasswordGrantOptions extends SecretGrantOptions {
  /** The user's identifier: username or email. */
  username: string;
  /** The user's password; sent in the request body only. */
  password: string;
  /** The API (its identifier) the access token is for; Auth0's `audience`. Default: the tenant's default audience, if set. */
  audience?: string;
  /** Space-separated scopes, e.g. `openid profile email offline_access`. */
  scope?: string;
}

const PASSWORD_FIELDS = { username: 's', password: 's', audience: 's?', scope: 's?' } as const;

/**
 * The Resource Owner Password grant (`grant_type=password`) against the tenant's default
 * directory. Prefer the redirect login; this grant is for highly trusted first-party apps. The
 * answer is unvalidated: the session validates the ID token and stores it.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret` in a browser page.
 * @throws {AuthError} `invalid_grant` (wrong credentials, blocked user), `mfa_required` (an
 *   `MfaRequiredError` with `mfaToken`), `unauthorized_client`, `too_many_attempts`, `rate_limited`,
 *   `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#resource-owner-password
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.3
 * @example
 * const tokens = await passwordGrant({ domain, clientId, username: 'ada@example.com', password, scope: 'openid' });
 */
export function passwordGrant(options: PasswordGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(options, 'password', PASSWORD_FIELDS, 'form', 'secret');
}

/** Options of {@link passwordRealmGrant}: {@link PasswordGrantOptions} plus the `realm`. */
export interface PasswordRealmGrantOptions extends PasswordGrantOptions {
  /** The connection (database, AD/LDAP, passwordless) the user belongs to. */
  realm: string;
}

/**
 * The Resource Owner Password grant with realm support
 * (`grant_type=http://auth0.com/oauth/grant-type/password-realm`): like {@link passwordGrant} in
 * the named connection. On `mfa_required`, continue with `mfaChallenge()` and an MFA grant.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret` in a browser page.
 * @throws {AuthError} `invalid_grant`, `mfa_required` (an `MfaRequiredError` with `mfaToken`),
 *   `unauthorized_client`, `too_many_attempts`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/get-started/authentication-and-authorization-flow/resource-owner-password-flow/call-your-api-using-resource-owner-password-flow#configure-realm-support
 * @example
 * try {
 *   tokens = await passwordRealmGrant({ domain, clientId, realm: 'Username-Password-Authentication', username, password });
 * } catch (e) {
 *   if (e instanceof MfaRequiredError) tokens = await mfaOtpGrant({ domain, clientId, mfa_token: e.mfaToken, otp });
 * }
 */
export function passwordRealmGrant(options: PasswordRealmGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(
    options,
    'http://auth0.com/oauth/grant-type/password-realm',
    {
      ...PASSWORD_FIELDS,
      realm: 's',
    },
    'form',
    'secret',
  );
}
