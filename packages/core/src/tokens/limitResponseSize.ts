import { AuthError } from '../errors/AuthError.js';

/**
 * The largest token response read, in bytes: 128 KiB, eight times what most servers accept in
 * the `Authorization` header that the access token goes into.
 */
export const MAX_TOKEN_RESPONSE_BYTES = 128 * 1024;

/**
 * Reads a token response's body up to {@link MAX_TOKEN_RESPONSE_BYTES} and hands back an unread
 * copy to parse. A larger body (announced by `Content-Length` or found while reading) is
 * refused without being parsed, and its download is cancelled.
 *
 * @throws {AuthError} `invalid_response` when the body is too large.
 */
export async function limitResponseSize(response: Response): Promise<Response> {
  const { body, status, statusText, headers } = response;
  if (!body) return response;
  const reader = body.getReader();
  const tooLarge = () => {
    void reader.cancel().catch(() => undefined);
    return new AuthError(
      'invalid_response',
      `the token response is larger than ${MAX_TOKEN_RESPONSE_BYTES} bytes`,
    );
  };
  if (Number(headers.get('content-length')) > MAX_TOKEN_RESPONSE_BYTES) throw tooLarge();
  let bytes = new Uint8Array(0);
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (bytes.length + chunk.value.length > MAX_TOKEN_RESPONSE_BYTES) throw tooLarge();
    // Bytes, not a Blob: a Blob's body is read back through the browser's blob store (a round trip).
    const joined = new Uint8Array(bytes.length + chunk.value.length);
    joined.set(bytes);
    joined.set(chunk.value, bytes.length);
    bytes = joined;
  }
  return new Response(bytes, { status, statusText, headers });
}
