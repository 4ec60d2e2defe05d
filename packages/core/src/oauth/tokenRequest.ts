import type { DpopProofs } from '../dpop/dpopProofs.js';
import { AuthError } from '../errors/AuthError.js';
import type { AuthorizationServer } from './types.js';

/** What every request of a client carries: its `fetch`, a bound, and DPoP when it is on. */
export interface HttpOptions {
  /** The client's `fetch`. */
  readonly fetch: typeof globalThis.fetch;
  /** Aborts the request when the client's `httpTimeoutInSeconds` ends. */
  readonly signal: AbortSignal;
  /** Plain http allowed (a loopback issuer): otherwise every endpoint must be https. */
  readonly allowInsecure?: boolean;
  /** With the `dpop` option: the proofs every token request carries. */
  readonly dpop?: DpopProofs;
}

/**
 * An endpoint of the server's metadata as a URL: present, absolute and https (plain http only
 * where the client allows it).
 *
 * @throws {AuthError} `invalid_response` naming the endpoint.
 */
export function endpointOf(
  as: AuthorizationServer,
  name: 'token_endpoint' | 'jwks_uri',
  http: HttpOptions,
): URL {
  let url: URL | undefined;
  try {
    url = new URL(as[name] as string);
  } catch {
    // Missing or not a URL: refused below.
  }
  if (url?.protocol !== 'https:' && !(url?.protocol === 'http:' && http.allowInsecure)) {
    throw new AuthError('invalid_response', `the server's "${name}" is not an https URL`);
  }
  return url;
}

/**
 * Sends a token request of a public client (`client_id` in the body, no secret): `grant_type`
 * and the grant's parameters as a form, JSON asked for, redirects not followed; with DPoP, a
 * proof of the client's key, and the server's next nonce remembered from the answer.
 *
 * @returns The unread answer, whatever its status.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export async function tokenRequest(
  as: AuthorizationServer,
  clientId: string,
  parameters: Record<string, string>,
  http: HttpOptions,
): Promise<Response> {
  const url = endpointOf(as, 'token_endpoint', http);
  const init: RequestInit = {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    },
    body: new URLSearchParams({ ...parameters, client_id: clientId }),
    redirect: 'manual',
    signal: http.signal,
  };
  return http.dpop ? http.dpop.send(http.fetch, url, init) : http.fetch(url.href, init);
}
