import { checkObject, fail } from './http.js';
import { requestTokens, type SecretGrantOptions } from './token.js';
import type { ClientOptions, TokenEndpointResponse } from './types.js';

/**
 * Options of {@link authorizationCodeGrant}: the seed's `AuthorizationCodePKCE` (with
 * `code_verifier`, no client authentication) or `AuthorizationCode` (with `clientSecret`, Node only).
 */
export type AuthorizationCodeGrantOptions = ClientOptions & {
  /** The `code` of the authorization response. */
  code: string;
  /** The `redirect_uri` of the `/authorize` request, when it had one. */
  redirect_uri?: string;
} & (
    | {
        /** The PKCE verifier of the `/authorize` request (RFC 7636). */
        code_verifier: string;
        /** Not with `code_verifier`. */
        clientSecret?: never;
      }
    | {
        /** The application's secret (a confidential client; refused in a browser page). */
        clientSecret: string;
        /** Not with `clientSecret`. */
        code_verifier?: never;
      }
  );

/**
 * Exchanges an authorization code (`grant_type=authorization_code`). A browser app does not
 * need this: `createAuthClient()` handles the callback, checks `state` and `iss` and validates
 * the ID token. This is the bare request, for a native or server app that did those checks itself.
 *
 * @throws {TypeError} naming a missing or malformed option; neither or both of `code_verifier` and
 *   `clientSecret`; `clientSecret` in a browser page.
 * @throws {AuthError} `invalid_grant` (used, expired or mismatched code/verifier/redirect_uri),
 *   `unauthorized_client`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#authorization-code-flow-with-pkce45
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 * @example
 * const tokens = await authorizationCodeGrant({ domain, clientId, code, code_verifier, redirect_uri });
 */
export async function authorizationCodeGrant(
  options: AuthorizationCodeGrantOptions,
): Promise<TokenEndpointResponse> {
  const { code_verifier, clientSecret } = checkObject(options);
  if ((code_verifier === undefined) === (clientSecret === undefined)) {
    fail('options.code_verifier', 'given (PKCE), or else "options.clientSecret" (one of the two)');
  }
  return code_verifier !== undefined
    ? requestTokens(
        options,
        'authorization_code',
        { code: 's', code_verifier: 's', redirect_uri: 's?' },
        'form',
        'none',
      )
    : requestTokens(options, 'authorization_code', { code: 's', redirect_uri: 's?' }, 'form', 'secret');
}

/** Options of {@link clientCredentialsGrant}: the seed's `ClientCredentials` fields. */
export interface ClientCredentialsGrantOptions extends ClientOptions {
  /** The application's secret: this grant is for servers, refused in a browser page. */
  clientSecret: string;
  /** The identifier of the API to get a token for. */
  audience: string;
}

/**
 * Machine-to-machine token (`grant_type=client_credentials`): for a backend calling an API as
 * itself. Refused in a browser page, where the secret would be public.
 *
 * @throws {TypeError} naming a missing or malformed option; always in a browser page.
 * @throws {AuthError} `access_denied` / `unauthorized_client` (the application is not authorized
 *   for the API), `invalid_client`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#client-credentials-flow
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @example
 * // Node 20+
 * const { access_token } = await clientCredentialsGrant({
 *   domain, clientId, clientSecret: process.env.AUTH0_CLIENT_SECRET, audience: 'https://api.example.com',
 * });
 */
export async function clientCredentialsGrant(
  options: ClientCredentialsGrantOptions,
): Promise<TokenEndpointResponse> {
  if (checkObject(options).clientSecret === undefined) fail('options.clientSecret', 'a non-empty string');
  return requestTokens(options, 'client_credentials', { audience: 's' }, 'form', 'secret');
}

/** Options of {@link refreshTokenGrant}: the seed's `RefreshToken` fields. */
export interface RefreshTokenGrantOptions extends SecretGrantOptions {
  /** The refresh token to present; with rotation, the answer brings its replacement. */
  refresh_token: string;
  /** A subset of the original scope; the original scope when left out. */
  scope?: string;
}

/**
 * Exchanges a refresh token (`grant_type=refresh_token`). With rotation the answer carries a new
 * refresh token and the one sent is spent: sending it again is reuse, which revokes the whole
 * grant. A session made by `createAuthClient()` refreshes by itself, under its cross-tab lock.
 *
 * @throws {TypeError} naming a missing or malformed option; `clientSecret` in a browser page.
 * @throws {AuthError} `invalid_grant` (expired, revoked or reused refresh token), `unauthorized_client`,
 *   `rate_limited`, `server_error`, `network_error` or `timeout`. After `network_error`, `timeout`
 *   or `server_error` the server may have rotated the token.
 * @see https://auth0.com/docs/api/authentication#refresh-token
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @example
 * const tokens = await refreshTokenGrant({ domain, clientId, refresh_token });
 */
export function refreshTokenGrant(options: RefreshTokenGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(options, 'refresh_token', { refresh_token: 's', scope: 's?' }, 'form', 'secret');
}

/** Options of {@link tokenExchangeGrant}: the seed's `NativeSocialTokenExchange` fields. */
export interface TokenExchangeGrantOptions extends ClientOptions {
  /** The externally issued artifact representing the user (an Apple authorization code). */
  subject_token: string;
  /** Its type, e.g. `http://auth0.com/oauth/token-type/apple-authz-code`. */
  subject_token_type: 'http://auth0.com/oauth/token-type/apple-authz-code' | (string & {});
  /** The API (its identifier) the access token is for; Auth0's `audience`. Default: the tenant's default audience, if set. */
  audience?: string;
  /** Space-separated scopes, e.g. `openid profile email offline_access`. */
  scope?: string;
  /** JSON of the user's name, from native iOS sign-in: `{"name":{"firstName":"…","lastName":"…"}}`. */
  user_profile?: string;
}

/**
 * Token exchange for native social login (`grant_type=urn:ietf:params:oauth:grant-type:token-exchange`):
 * trades a native Sign in with Apple authorization code for Auth0 tokens.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `invalid_grant` (the subject token was refused), `unauthorized_client`,
 *   `invalid_request`, `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#token-exchange-for-native-social
 * @see https://www.rfc-editor.org/rfc/rfc8693
 * @example
 * const tokens = await tokenExchangeGrant({
 *   domain, clientId, subject_token: appleAuthorizationCode,
 *   subject_token_type: 'http://auth0.com/oauth/token-type/apple-authz-code', scope: 'openid profile',
 * });
 */
export function tokenExchangeGrant(options: TokenExchangeGrantOptions): Promise<TokenEndpointResponse> {
  return requestTokens(
    options,
    'urn:ietf:params:oauth:grant-type:token-exchange',
    { subject_token: 's', subject_token_type: 's', audience: 's?', scope: 's?', user_profile: 's?' },
    'form',
    'none',
  );
}
