/**
 * Where and how every Authentication API function sends its request.
 *
 * @example
 * const server = { domain: 'example.eu.auth0.com' };               // https://example.eu.auth0.com
 * const local = { domain: 'http://127.0.0.1:4000', timeoutInSeconds: 5 }; // the local tenant
 */
export interface DomainOptions {
  /**
   * An Auth0 domain (`example.eu.auth0.com`, used as `https://example.eu.auth0.com`) or a full
   * origin such as `http://127.0.0.1:4000`. Plain http only for localhost, 127.0.0.1 or [::1].
   */
  domain: string;
  /** The fetch to send with; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** The deadline of the request in seconds (default 10); past it the call rejects with `AuthError('timeout')`. */
  timeoutInSeconds?: number;
  /** Aborts the request; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * {@link DomainOptions} plus the application's client id, sent as `client_id`.
 *
 * @example
 * const app = { domain: 'example.eu.auth0.com', clientId: 'hbRjkjWGQsXp7QDmzzGf0vOyFZGjxBe4' };
 */
export interface ClientOptions extends DomainOptions {
  /** The application's Client ID. */
  clientId: string;
}

/**
 * Client authentication for confidential applications, on the endpoints that accept it. Both are
 * refused with a `TypeError` in a browser page (where every visitor could read them): use them
 * from a server (Node 20+) only. At most one of the two.
 *
 * @see https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt
 * @example
 * // Node only
 * await clientCredentialsGrant({ domain, clientId, clientSecret: process.env.CLIENT_SECRET, audience });
 */
export interface ClientAuthenticationOptions {
  /** Sent as `client_secret` (Post authentication method). */
  clientSecret?: string;
  /** A signed JWT, sent as `client_assertion` with `client_assertion_type` jwt-bearer (Private Key JWT). */
  clientAssertion?: string;
}

/**
 * The JSON body of a successful `/oauth/token` answer, as the server sent it (`__proto__` keys
 * dropped). Nothing is validated beyond `access_token` and `token_type` being strings: pass it to
 * the session (`acceptTokens`) to validate the ID token and store it.
 *
 * @see https://auth0.com/docs/api/authentication#get-token
 * @example
 * const tokens: TokenEndpointResponse = await passwordRealmGrant({ ... });
 * fetch(api, { headers: { authorization: `${tokens.token_type} ${tokens.access_token}` } });
 */
export interface TokenEndpointResponse {
  /** The access token (a JWT for an Auth0 API, else opaque). */
  access_token: string;
  /** `Bearer`, or `DPoP` for a bound token. */
  token_type: string;
  /** Seconds until the access token expires. */
  expires_in?: number;
  /** A refresh token, with the `offline_access` scope and when the API allows offline access. */
  refresh_token?: string;
  /** The ID token (a JWT), with the `openid` scope. Not validated by these functions. */
  id_token?: string;
  /** The scopes granted, when they differ from those asked for (RFC 6749 §5.1). */
  scope?: string;
  /** A new MFA recovery code, after `mfaRecoveryCodeGrant()`: show it to the user. */
  recovery_code?: string;
  [member: string]: unknown;
}
