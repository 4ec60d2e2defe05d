import type { TokenEndpointResponse } from '../authentication/types.js';
import { AuthError } from '../errors/AuthError.js';
import { MfaRequiredError } from '../errors/MfaRequiredError.js';
import { parseJwt } from './parseJwt.js';
import type { ParsedJwt } from './types.js';

/** A token response's validated body and its ID token, parsed but not yet verified. */
export interface ReadTokens {
  /** The body: `access_token` and `token_type` (lower-cased) are strings, the rest typed as RFC 6749 says. */
  readonly body: TokenEndpointResponse;
  /** The ID token when the response has one. */
  readonly idToken?: ParsedJwt;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The error of a token response that is not a 200: the server's OAuth error (`invalid_grant`,
 * `mfa_required` as an `MfaRequiredError` carrying its `mfa_token`, …) from a 4xx JSON body, else
 * `invalid_response` naming the status. The cause names the status and code only (properties 2, 8).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
async function errorOf(response: Response): Promise<AuthError> {
  const { status } = response;
  const body: unknown = await response.json().catch(() => undefined);
  if (status < 400 || status > 499 || !isObject(body) || typeof body.error !== 'string' || !body.error) {
    return new AuthError('invalid_response', `the token endpoint answered HTTP ${status}`);
  }
  const description = typeof body.error_description === 'string' ? body.error_description : undefined;
  const cause = { cause: new Error(`HTTP ${status} ${body.error}`) };
  return body.error === 'mfa_required' && typeof body.mfa_token === 'string'
    ? new MfaRequiredError(body.mfa_token, description, cause)
    : new AuthError(body.error, description, cause);
}

/**
 * Reads a token endpoint's answer: anything but a 200 is thrown as the server's error; a 200 must
 * be a JSON object with string `access_token` and `token_type` (`Bearer` or `DPoP`), a finite
 * `expires_in` ≥ 0 when present (a numeric string is read as a number), non-empty string
 * `refresh_token` and `id_token` and a string `scope` when present. The ID token is split and decoded; its
 * signature and claims are the caller's to check. No token appears in an error.
 *
 * @throws {AuthError} the server's OAuth error code, or `invalid_response` naming the member.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export async function readTokenResponse(response: Response): Promise<ReadTokens> {
  if (response.status !== 200) throw await errorOf(response);
  const invalid = (problem: string) => new AuthError('invalid_response', `the token response ${problem}`);
  const body: unknown = await response.json().catch(() => undefined);
  if (!isObject(body)) throw invalid('is not a JSON object');
  for (const name of ['access_token', 'token_type']) {
    if (typeof body[name] !== 'string' || !body[name]) throw invalid(`has no "${name}"`);
  }
  for (const name of ['refresh_token', 'scope', 'id_token']) {
    const value = body[name];
    // An empty refresh token would replace the session's with nothing (oauth4webapi refused it).
    if (value !== undefined && (typeof value !== 'string' || (!value && name !== 'scope')))
      throw invalid(`has a "${name}" that is not a ${name === 'scope' ? '' : 'non-empty '}string`);
  }
  const tokenType = (body.token_type as string).toLowerCase();
  if (tokenType !== 'bearer' && tokenType !== 'dpop') throw invalid('has an unsupported "token_type"');
  let expiresIn = body.expires_in;
  if (expiresIn !== undefined) {
    expiresIn = typeof expiresIn === 'string' ? Number.parseFloat(expiresIn) : expiresIn;
    if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 0) {
      throw invalid('has an "expires_in" that is not a finite number of seconds');
    }
  }
  const tokens = { ...body, token_type: tokenType, expires_in: expiresIn } as TokenEndpointResponse;
  if (expiresIn === undefined) delete tokens.expires_in;
  return {
    body: tokens,
    ...(tokens.id_token !== undefined && { idToken: parseJwt(tokens.id_token, 'the ID token') }),
  };
}
