/**
 * Bytes as base64url text without padding (RFC 4648 §5), as JWTs and PKCE use them.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */
export function base64url(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * base64url text (padding optional) as bytes.
 *
 * @throws {TypeError} when `text` holds a character outside the base64url alphabet.
 */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[\w-]*={0,2}$/.test(text)) throw new TypeError('not base64url');
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/**
 * 32 random bytes from the platform's CSPRNG as base64url (43 characters, 256 bits): the
 * default of `state`, `nonce`, the PKCE `code_verifier` and DPoP proof ids.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const randomString = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));
