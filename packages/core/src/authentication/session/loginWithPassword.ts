import { checkObject } from '../http.js';
import { passwordGrant, passwordRealmGrant } from '../passwordGrants.js';
import type { LoginTarget, Session } from './createSession.js';

/**
 * Options of `loginWithPassword()`.
 * @example const options: LoginWithPasswordOptions = { username: 'ada@example.com', password, realm: 'Username-Password-Authentication' };
 */
export interface LoginWithPasswordOptions extends LoginTarget {
  /** The user's email or username. */
  username: string;
  /** The user's password; sent in the request body only, never stored. */
  password: string;
  /**
   * The connection (database, AD/LDAP) to check the password against: the password-realm grant.
   * Without it, the `password` grant uses the tenant's default directory.
   */
  realm?: string;
}

/**
 * Signs a user in with a password (Resource Owner Password grant, with `realm` its password-realm
 * variant), into the same session as a redirect login: the ID token is validated as in the redirect
 * flow (signature against the JWKS, `iss`, `aud`, `exp`...; no `nonce`, none is sent), the tokens
 * are stored, the snapshot becomes `authenticated` and other tabs follow. For highly trusted
 * first-party apps; the redirect login is the default.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `invalid_grant` (wrong credentials; nothing stored changes), `mfa_required` (an
 *   `MfaRequiredError`: continue with `mfa.*`), `too_many_attempts`, `unauthorized_client`,
 *   `invalid_response`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#resource-owner-password
 * @example
 * try {
 *   await auth.loginWithPassword({ username: 'ada@example.com', password, realm: 'Username-Password-Authentication' });
 * } catch (e) {
 *   if (e instanceof MfaRequiredError) showSecondFactor(e.mfaToken);
 * }
 */
export async function loginWithPassword(session: Session, options: LoginWithPasswordOptions): Promise<void> {
  const { username, password, realm } = checkObject(options) as Partial<LoginWithPasswordOptions>;
  const target = session.target(options);
  const grant = { ...session.server, ...target, username, password } as LoginWithPasswordOptions &
    Session['server'];
  // The endpoint function checks (and names) username, password and realm before sending.
  await session.login(target, () =>
    realm === undefined ? passwordGrant(grant) : passwordRealmGrant({ ...grant, realm }),
  );
}
