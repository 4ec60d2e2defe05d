import { base64url } from './base64url.js';

/**
 * The PKCE `code_challenge` of a verifier with the `S256` method:
 * `BASE64URL(SHA256(ASCII(code_verifier)))`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}
