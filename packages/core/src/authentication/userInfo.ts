import { AuthError } from '../errors/AuthError.js';
import type { User } from '../types.js';
import { checkString, endpoint, jsonObject, send } from './http.js';
import type { DomainOptions } from './types.js';

/** Options of {@link getUserInfo}. */
export interface UserInfoOptions extends DomainOptions {
  /** An access token with the `openid` scope, sent as `Authorization: Bearer`. */
  access_token: string;
}

/**
 * The profile of the user an access token was issued to. The claims depend on the token's scope
 * (`openid profile email` for name and email). Before trusting it for a session, check that its
 * `sub` equals the ID token's; the session of `createAuthClient()` does.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `invalid_token` (expired, revoked or not for `/userinfo`), `insufficient_scope`,
 *   `invalid_response` (no `sub`), `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#get-user-info
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 * @example
 * const user = await getUserInfo({ domain, access_token: tokens.access_token });
 * console.log(user.sub, user.email);
 */
export async function getUserInfo(options: UserInfoOptions): Promise<User> {
  const target = endpoint(options, '/userinfo');
  const bearer = checkString(options.access_token, 'options.access_token');
  const user = jsonObject(await send(target, { bearer }), '/userinfo');
  if (typeof user.sub !== 'string' || !user.sub)
    throw new AuthError('invalid_response', '/userinfo answered without a sub');
  return user as User;
}
