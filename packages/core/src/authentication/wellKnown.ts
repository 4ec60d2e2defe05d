import { AuthError } from '../errors/AuthError.js';
import { endpoint, jsonObject, originOf, send } from './http.js';
import type { DomainOptions } from './types.js';

/** The tenant's public signing keys. */
export interface JsonWebKeySet {
  /** The public keys; a JWT's header `kid` names the one that signed it. */
  keys: (JsonWebKey & {
    /** The key's id. */
    kid?: string;
    [member: string]: unknown;
  })[];
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
  /** The issuer identifier (`https://{domain}/` for Auth0). */
  issuer: string;
  /** The `/authorize` URL. */
  authorization_endpoint: string;
  /** The `/oauth/token` URL. */
  token_endpoint: string;
  /** The URL of the signing keys (`/.well-known/jwks.json`). */
  jwks_uri: string;
  /** The `/userinfo` URL. */
  userinfo_endpoint?: string;
  /** The device authorization URL (RFC 8628), `/oauth/device/code` for Auth0. */
  device_authorization_endpoint?: string;
  /** The token revocation URL (RFC 7009), `/oauth/revoke` for Auth0. */
  revocation_endpoint?: string;
  /** The dynamic client registration URL (RFC 7591), `/oidc/register` for Auth0. */
  registration_endpoint?: string;
  /** The RP-initiated logout URL (`/oidc/logout` for Auth0). */
  end_session_endpoint?: string;
  /** The scopes the server knows. */
  scopes_supported?: string[];
  /** The `response_type` values it accepts. */
  response_types_supported?: string[];
  /** The grant types it accepts at the token endpoint. */
  grant_types_supported?: string[];
  /** The algorithms it signs ID tokens with (`RS256` by default at Auth0). */
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
