import { clientIdOf, endpoint, fields, send } from './http.js';
import type { DomainOptions } from './types.js';
import { buildUrl, type UrlOptions } from './urls.js';

/** Options of {@link wsfedUrl}: the seed's `GET /wsfed/{client_id}` parameters. */
export interface WsFedUrlOptions extends UrlOptions {
  /** The application (relying party). */
  clientId: string;
  /** The relying party's realm, in place of the client id. */
  wtrealm?: string;
  /** The connection to log in with (skips the login page). */
  whr?: string;
  /** The application's state, returned unchanged. */
  wctx?: string;
  /** The callback URL. */
  wreply?: string;
}

/**
 * The WS-Federation login URL of an application (`/wsfed/{client_id}`).
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @see https://auth0.com/docs/api/authentication#accept-request20
 * @example
 * location.assign(wsfedUrl({ domain, clientId, wctx: state, wreply: 'https://app.example.com/wsfed' }));
 */
export function wsfedUrl(options: WsFedUrlOptions): URL {
  const clientId = clientIdOf(options);
  const params = fields(options, { wtrealm: 's?', whr: 's?', wctx: 's?', wreply: 's?' });
  return buildUrl(options, `/wsfed/${encodeURIComponent(clientId)}`, params);
}

/**
 * The tenant's WS-Federation metadata (XML), for a relying party's configuration.
 *
 * @returns The `FederationMetadata.xml` document as text.
 * @throws {TypeError} naming a malformed option.
 * @throws {AuthError} `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#get-metadata21
 * @example
 * const xml = await getWsFedMetadata({ domain });
 */
export async function getWsFedMetadata(options: DomainOptions): Promise<string> {
  return send(endpoint(options, '/wsfed/FederationMetadata/2007-06/FederationMetadata.xml'));
}
