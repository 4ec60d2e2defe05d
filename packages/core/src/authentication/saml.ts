import { clientIdOf, endpoint, fields, send } from './http.js';
import type { ClientOptions } from './types.js';
import { buildUrl, type UrlOptions } from './urls.js';

/** Options of {@link samlpUrl}: the seed's `GET /samlp/{client_id}` parameters. */
export interface SamlpUrlOptions extends UrlOptions {
  /** The application with the SAML2 Web App addon. */
  clientId: string;
  /** Log in with this connection instead of showing the login page. */
  connection?: string;
  /** Log in in the context of this organization (`org_…`). */
  organization?: string;
}

/**
 * The SAML identity-provider login URL of an application (`/samlp/{client_id}`): Auth0 logs the
 * user in and posts a SAML response to the application's service provider.
 *
 * @throws {TypeError} naming a missing or malformed option.
 * @see https://auth0.com/docs/api/authentication#accept-request
 * @example
 * location.assign(samlpUrl({ domain, clientId, connection: 'google-oauth2' }));
 */
export function samlpUrl(options: SamlpUrlOptions): URL {
  const clientId = clientIdOf(options);
  const params = fields(options, { connection: 's?', organization: 's?' });
  return buildUrl(options, `/samlp/${encodeURIComponent(clientId)}`, params);
}

/**
 * The SAML 2.0 identity-provider metadata (XML) of an application, for the service provider's
 * configuration (`/samlp/metadata/{client_id}`).
 *
 * @returns The metadata document as text.
 * @throws {TypeError} naming a missing or malformed option.
 * @throws {AuthError} `not_found` and other server codes, `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/api/authentication#get-metadata
 * @example
 * const xml = await getSamlMetadata({ domain, clientId });
 * const doc = new DOMParser().parseFromString(xml, 'application/xml');
 */
export async function getSamlMetadata(options: ClientOptions): Promise<string> {
  const clientId = clientIdOf(options);
  return send(endpoint(options, `/samlp/metadata/${encodeURIComponent(clientId)}`));
}
