import { AuthError } from '../errors/AuthError.js';
import type { AuthorizationServer } from './types.js';

/**
 * Checks an authorization response before its code is exchanged: no parameter twice, the RFC 9207
 * `iss` equal to the server's issuer (required when the server says it sends one), the `state`
 * of the transaction, no `error` (thrown as the server's code and description), and no tokens
 * in the URL (implicit and hybrid flows are not Sesame's: such a response is refused).
 *
 * @returns The parameters, as a copy.
 * @throws {AuthError} the server's `error` code, or `invalid_response` naming the problem.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
export function validateAuthResponse(
  as: AuthorizationServer,
  parameters: URLSearchParams,
  expectedState: string,
): URLSearchParams {
  const invalid = (problem: string) =>
    new AuthError('invalid_response', `the authorization response ${problem}`);
  for (const name of new Set(parameters.keys())) {
    if (parameters.getAll(name).length > 1) throw invalid(`has "${name}" more than once`);
  }
  const iss = parameters.get('iss');
  if (iss === null ? as.authorization_response_iss_parameter_supported === true : iss !== as.issuer) {
    throw invalid(iss === null ? 'has no "iss"' : 'is from another issuer');
  }
  if (parameters.get('state') !== expectedState) throw invalid('has another "state"');
  const error = parameters.get('error');
  if (error) {
    throw new AuthError(error, parameters.get('error_description') ?? undefined, {
      cause: new Error(`authorization response ${error}`),
    });
  }
  if (['id_token', 'token', 'response'].some((name) => parameters.has(name))) {
    throw invalid('carries tokens (implicit, hybrid or JARM), which Sesame does not ask for');
  }
  return new URLSearchParams(parameters);
}
