import { AuthError } from '../errors/AuthError.js';
import { decodeBase64url } from './base64url.js';
import type { ParsedJwt } from './types.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits a compact JWS and decodes its header and claims, each of which must be a JSON object.
 * `JSON.parse` makes a `__proto__` member an own property, never the prototype (security
 * property 10). Encrypted ID tokens (JWE, five parts) are refused: Sesame asks for none.
 *
 * @param what - Names the token in error messages (`the ID token`).
 * @throws {AuthError} `invalid_response`, naming what is wrong, never the token.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1
 */
export function parseJwt(jwt: string, what: string): ParsedJwt {
  const parts = jwt.split('.');
  const fail = (problem: string): never => {
    throw new AuthError('invalid_response', `${what} ${problem}`);
  };
  if (parts.length === 5) fail('is encrypted (JWE), which is not supported');
  if (parts.length !== 3) fail('is not a JWT');
  const [header, claims] = parts.slice(0, 2).map((part) => {
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(decodeBase64url(part)));
    } catch {
      fail('is not a JWT (its parts are not base64url JSON)');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('is not a JWT');
    return value as Record<string, unknown>;
  }) as [Record<string, unknown>, Record<string, unknown>];
  let signature = new Uint8Array(new ArrayBuffer(0));
  try {
    signature = decodeBase64url(parts[2] as string);
  } catch {
    fail('has a signature that is not base64url');
  }
  return { header, claims, signingInput: `${parts[0]}.${parts[1]}`, signature, raw: jwt };
}
