import { endpoint, fields, jsonObject, send } from './http.js';
import type { DomainOptions } from './types.js';

/** Options of {@link registerClient}: the seed's `POST /oidc/register` fields. */
export interface RegisterClientOptions extends DomainOptions {
  /** The new application's name; the server names it "My App" when left out. */
  client_name?: string;
  /** The callback URLs the application may use. */
  redirect_uris: string[];
  /** `none` for a single-page app (a public client); the server's default is `client_secret_post`. */
  token_endpoint_auth_method?: 'none' | 'client_secret_post' | 'client_secret_basic' | (string & {});
}

/** The application the server created. */
export interface RegisterClientResponse {
  /** The new application's Client ID. */
  client_id: string;
  /** Its name. */
  client_name?: string;
  /** Only for a confidential application: keep it on a server. */
  client_secret?: string;
  /** Its callback URLs. */
  redirect_uris?: string[];
  /** Seconds since the epoch; 0 when the secret does not expire. */
  client_secret_expires_at?: number;
  [member: string]: unknown;
}

/**
 * Dynamic client registration: creates an application (no token needed, when the tenant has
 * "OIDC Dynamic Application Registration" on).
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `invalid_redirect_uri`, `invalid_client_metadata`, `access_denied` (registration
 *   is off), `rate_limited`, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#dynamic-application-client-registration
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1
 * @example
 * const { client_id } = await registerClient({
 *   domain, client_name: 'My SPA', redirect_uris: ['https://app.example.com/callback'], token_endpoint_auth_method: 'none',
 * });
 */
export async function registerClient(options: RegisterClientOptions): Promise<RegisterClientResponse> {
  const target = endpoint(options, '/oidc/register');
  const body = fields(options, { client_name: 's?', redirect_uris: 'a', token_endpoint_auth_method: 's?' });
  return jsonObject(await send(target, { json: body }), '/oidc/register') as RegisterClientResponse;
}
