// The request path every `/oauth/token` grant shares. Not exported from the subpath.
import { AuthError } from '../errors/AuthError.js';
import {
  clientAuthentication,
  clientIdOf,
  endpoint,
  type FieldSpec,
  fields,
  jsonObject,
  send,
} from './http.js';
import type { ClientAuthenticationOptions, ClientOptions, TokenEndpointResponse } from './types.js';

/** Options of a grant of a client that may authenticate itself (outside a browser page). */
export type GrantOptions = ClientOptions & ClientAuthenticationOptions;

/** Options of a grant whose seed schema has `client_secret` but no `client_assertion`. */
export type SecretGrantOptions = ClientOptions & Pick<ClientAuthenticationOptions, 'clientSecret'>;

/**
 * Checks `options`, posts `grant_type`, `client_id`, the fields of `spec` and the client
 * authentication to `/oauth/token` (form-encoded, or JSON where the seed says so), and returns
 * the token response unvalidated beyond its shape. Stores nothing. `authentication` is what the
 * grant's seed schema allows: a secret or an assertion, a secret only, or none.
 */
export async function requestTokens(
  options: GrantOptions,
  grantType: string,
  spec: FieldSpec,
  encoding: 'form' | 'json' = 'form',
  authentication: 'secret or assertion' | 'secret' | 'none' = 'secret or assertion',
): Promise<TokenEndpointResponse> {
  const target = endpoint(options, '/oauth/token');
  const body = {
    grant_type: grantType,
    client_id: clientIdOf(options),
    ...fields(options, spec),
    // Grants whose seed schema has no client authentication never send any.
    ...(authentication !== 'none' && clientAuthentication(options, authentication === 'secret or assertion')),
  };
  const json = jsonObject(
    await send(target, encoding === 'json' ? { json: body } : { form: body }),
    'the token endpoint',
  );
  if (typeof json.error === 'string') {
    // The seed's 200 schema also lists error fields: an error is an error, whatever the status.
    throw new AuthError(
      json.error,
      typeof json.error_description === 'string' ? json.error_description : undefined,
    );
  }
  if (
    typeof json.access_token !== 'string' ||
    typeof json.token_type !== 'string' ||
    (json.expires_in !== undefined && typeof json.expires_in !== 'number')
  ) {
    throw new AuthError(
      'invalid_response',
      'the token endpoint answered without a valid access_token/token_type',
    );
  }
  return json as TokenEndpointResponse;
}
