import { checkObject, clientIdOf, fail, fields, originOf } from './http.js';
import type { DomainOptions } from './types.js';

/** Where a URL builder points: only `domain` is used. */
export type UrlOptions = Pick<DomainOptions, 'domain'>;

/** A URL under the domain with the given query parameters (those that are set). */
export function buildUrl(options: UrlOptions, path: string, params: Record<string, unknown>): URL {
  const url = new URL(path, originOf(options));
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

/** `federated` is a flag: present (empty) or absent. */
function federated(options: { federated?: unknown }): { federated?: string } {
  if (options.federated === undefined || options.federated === false) return {};
  if (options.federated !== true) fail('options.federated', 'a boolean');
  return { federated: '' };
}

/** Options of {@link authorizeUrl}: the seed's `GET /authorize` query parameters. */
export interface AuthorizeUrlOptions extends UrlOptions {
  /** The application's Client ID (`client_id`). */
  clientId: string;
  /** `code` for the authorization code flow (with PKCE in a browser). */
  response_type: 'code' | 'token' | 'id_token token';
  /** Where Auth0 sends the browser back; an Allowed Callback URL of the application. */
  redirect_uri?: string;
  /** The API (its identifier) the access token is for. */
  audience?: string;
  /** Space-separated scopes, e.g. `openid profile email`. */
  scope?: string;
  /** An unguessable value the callback must return unchanged (CSRF protection, RFC 6749 §10.12). */
  state?: string;
  /** An unguessable value the ID token must carry (replay protection, OIDC Core §3.1.2.1). */
  nonce?: string;
  /**
   * The PKCE challenge: base64url SHA-256 of the verifier (RFC 7636 §4.2).
   * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
   */
  code_challenge?: string;
  /** `S256`, the only PKCE method offered. */
  code_challenge_method?: 'S256';
  /** The Auth0 connection to log in with, skipping the choice on the login page. */
  connection?: string;
  /** OIDC `prompt`: `none`, `login`, `consent` or `select_account`. */
  prompt?: string;
  /** Auth0 Organizations: the organization id or name to log in to. */
  organization?: string;
  /** Auth0 Organizations: the invitation id from an invitation link. */
  invitation?: string;
  /** Further parameters the seed does not list (`login_hint`, `screen_hint`, `max_age`, `ui_locales`, ...). */
  extraParams?: Record<string, string>;
}

/**
 * The `/authorize` URL to send the browser to. Only builds it: a browser app logs in with
 * `createAuthClient().loginWithRedirect()`, which also makes and keeps `state`, `nonce` and the
 * PKCE verifier. For a hand-made request, send `state` and a `code_challenge` (S256).
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @see https://auth0.com/docs/api/authentication#authorization-code-flow-with-pkce
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @example
 * location.assign(authorizeUrl({
 *   domain, clientId, response_type: 'code', redirect_uri: 'https://app.example.com/callback',
 *   scope: 'openid profile', state, code_challenge, code_challenge_method: 'S256', connection: 'github',
 * }));
 */
export function authorizeUrl(options: AuthorizeUrlOptions): URL {
  checkObject(options);
  const params = fields(options, {
    response_type: 's',
    redirect_uri: 's?',
    audience: 's?',
    scope: 's?',
    state: 's?',
    nonce: 's?',
    code_challenge: 's?',
    code_challenge_method: 's?',
    connection: 's?',
    prompt: 's?',
    organization: 's?',
    invitation: 's?',
  });
  if (!['code', 'token', 'id_token token'].includes(params.response_type as string)) {
    fail('options.response_type', '"code", "token" or "id_token token"');
  }
  if (params.code_challenge_method !== undefined && params.code_challenge_method !== 'S256') {
    fail('options.code_challenge_method', '"S256"');
  }
  const extra = options.extraParams === undefined ? {} : fields(options, { extraParams: 'o?' }).extraParams;
  for (const [name, value] of Object.entries(extra as Record<string, unknown>)) {
    if (typeof value !== 'string') fail(`options.extraParams.${name}`, 'a string');
  }
  // The named parameters win over extraParams of the same name.
  return buildUrl(options, '/authorize', { ...(extra as object), client_id: clientIdOf(options), ...params });
}

/** Options of {@link logoutUrl}: the seed's `GET /v2/logout` query parameters. */
export interface LogoutUrlOptions extends UrlOptions {
  /** Sent as `client_id`: `returnTo` must then be in that application's Allowed Logout URLs. */
  clientId?: string;
  /** Where to go after the logout. */
  returnTo?: string;
  /** Also log out of the identity provider. */
  federated?: boolean;
}

/**
 * The Auth0 `/v2/logout` URL: ends the Auth0 session and redirects to `returnTo`. A session of
 * `createAuthClient()` forgets its tokens in every tab on `logout()` and goes there itself.
 *
 * @throws {TypeError} naming a malformed option.
 * @see https://auth0.com/docs/api/authentication#logout
 * @example
 * location.assign(logoutUrl({ domain, clientId, returnTo: 'https://app.example.com/' }));
 */
export function logoutUrl(options: LogoutUrlOptions): URL {
  checkObject(options);
  const clientId = options.clientId === undefined ? undefined : clientIdOf(options);
  return buildUrl(options, '/v2/logout', {
    ...fields(options, { returnTo: 's?' }),
    client_id: clientId,
    ...federated(options),
  });
}

/** Options of {@link oidcLogoutUrl}: the seed's `GET /oidc/logout` query parameters. */
export interface OidcLogoutUrlOptions extends UrlOptions {
  /** Sent as `client_id`; needed with `post_logout_redirect_uri` when there is no `id_token_hint`. */
  clientId?: string;
  /** The user's last ID token: says whom to log out. */
  id_token_hint?: string;
  /** The session id (`sid`), when there is no ID token. */
  logout_hint?: string;
  /** Where to go after the logout; an Allowed Logout URL of the application. */
  post_logout_redirect_uri?: string;
  /** Returned unchanged to `post_logout_redirect_uri`. */
  state?: string;
  /** Space-separated BCP 47 language tags for the logout page. */
  ui_locales?: string;
  /** Also log out of the identity provider. */
  federated?: boolean;
}

/**
 * The OpenID Connect RP-initiated logout URL (`/oidc/logout`).
 *
 * @throws {TypeError} naming a malformed option.
 * @see https://auth0.com/docs/api/authentication#oidc-logout
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 * @example
 * location.assign(oidcLogoutUrl({ domain, clientId, id_token_hint, post_logout_redirect_uri: 'https://app.example.com/' }));
 */
export function oidcLogoutUrl(options: OidcLogoutUrlOptions): URL {
  checkObject(options);
  const clientId = options.clientId === undefined ? undefined : clientIdOf(options);
  return buildUrl(options, '/oidc/logout', {
    ...fields(options, {
      id_token_hint: 's?',
      logout_hint: 's?',
      post_logout_redirect_uri: 's?',
      state: 's?',
      ui_locales: 's?',
    }),
    client_id: clientId,
    ...federated(options),
  });
}
