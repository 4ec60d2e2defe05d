import type { DpopProofs } from '../dpop/dpopProofs.js';

/**
 * Sends a request to a resource server with an access token: `Authorization: Bearer …`, or, with
 * `proofs` (a DPoP-bound token), `Authorization: DPoP …` and a proof for the method, URL and token
 * (`htm`, `htu`, `ath`), remembering the nonce the answer carries. Redirects are not followed, so
 * a token never goes where a redirect points; the answer comes back as the server gave it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export async function protectedRequest(
  fetch: typeof globalThis.fetch,
  url: URL,
  init: RequestInit,
  accessToken: string,
  proofs?: DpopProofs,
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `${proofs ? 'DPoP' : 'Bearer'} ${accessToken}`);
  const request = {
    ...init,
    method: (init.method ?? 'GET').toUpperCase(),
    headers,
    redirect: 'manual',
    // A streamed body must say so (fetch refuses it otherwise).
    ...(init.body instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit;
  return proofs ? proofs.send(fetch, url, request, accessToken) : fetch(url.href, request);
}
