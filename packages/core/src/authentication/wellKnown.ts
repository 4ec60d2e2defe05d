import { AuthError } from '../errors/AuthError.js';
import { endpoint, jsonObject, originOf, send } from './http.js';
import type { DomainOptions } from './types.js';

/** The tenant's public signing keys. */
export interface JsonWebKeySet {
  keys: (JsonWebKey & { kid?: string; [member: string]: unknown })[];
}

/**
 * The JSON Web Key Set the tenant signs ID tokens (and JWT access tokens) with.
 *
 * @throws {TypeError} naming a malformed option.
 * @throws {AuthError} `invalid_response` (no `keys` array), `server_error`, `network_error` or `timeout`.
 * @see https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-key-sets
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 * @example
 * const { keys } = await getJwks({ domain: 'example.eu.auth0.com' });
 */
export async function getJwks(options: DomainOptions): Promise<JsonWebKeySet> {
  const target = endpoint(options, '/.well-known/jwks.json');
  const jwks = jsonObject(await send(target), '/.well-known/jwks.json');
  if (!Array.isArray(jwks.keys))
    throw new AuthError('invalid_response', '/.well-known/jwks.json has no keys array');
  return jwks as unknown as JsonWebKeySet;
}

/** The tenant's OpenID Provider metadata. */
export interface OpenIdConfiguration {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  device_authorization_endpoint?: string;
  revocation_endpoint?: string;
  registration_endpoint?: string;
  end_session_endpoint?: string;
  scopes_supported?: string[];
  response_types_supported?: string[];
  grant_types_supported?: string[];
  id_token_signing_alg_values_supported?: string[];
  [member: string]: unknown;
}

/**
 * The OpenID discovery document of the tenant. Its `issuer` must be the domain's origin with a
 * trailing slash (`https://{domain}/`), as Auth0 spells it; any other is refused, since a
 * document naming another issuer would point the app at another server's endpoints.
 *
 * @throws {TypeError} naming a malformed option.
 * @throws {AuthError} `invalid_response` (wrong `issuer`, missing endpoints), `server_error`,
 *   `network_error` or `timeout`.
 * @see https://auth0.com/docs/get-started/applications/configure-applications-with-oidc-discovery
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 * @example
 * const { end_session_endpoint } = await getOpenIdConfiguration({ domain: 'example.eu.auth0.com' });
 */
export async function getOpenIdConfiguration(options: DomainOptions): Promise<OpenIdConfiguration> {
  const target = endpoint(options, '/.well-known/openid-configuration');
  const metadata = jsonObject(await send(target), '/.well-known/openid-configuration');
  if (metadata.issuer !== `${originOf(options)}/`) {
    throw new AuthError('invalid_response', 'the discovery document names another issuer');
  }
  for (const name of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
    if (typeof metadata[name] !== 'string')
      throw new AuthError('invalid_response', `the discovery document has no ${name}`);
  }
  return metadata as OpenIdConfiguration;
}
