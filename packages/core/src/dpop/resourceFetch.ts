import {
  allowInsecureRequests,
  customFetch,
  protectedResourceRequest,
  WWWAuthenticateChallengeError,
} from 'oauth4webapi';
import type { DpopProofs } from './dpopProofs.js';

/**
 * Wraps `fetch` for the authorization server's own resources (`/userinfo`) called with the
 * DPoP-bound `accessToken`: each request goes as `Authorization: DPoP <accessToken>` with a proof
 * of the client's key for its method and URL and for that token (`htm`, `htu`, `ath`), and once
 * more with the server's nonce on `use_dpop_nonce`, never more. The answer comes back as the
 * server gave it. Loaded with `import()` by the one caller, so that apps without DPoP (and the
 * DPoP app that never calls `/userinfo`) do not carry it at start.
 */
export function resourceFetch(
  proofs: DpopProofs,
  fetch: typeof globalThis.fetch,
  accessToken: string,
): typeof globalThis.fetch {
  const send = async (href: string, init: RequestInit) => {
    const url = new URL(href);
    const headers = new Headers(init.headers);
    headers.delete('authorization');
    try {
      return await protectedResourceRequest(accessToken, init.method ?? 'GET', url, headers, null, {
        DPoP: await proofs.handle(),
        ...(url.protocol === 'http:' && { [allowInsecureRequests]: true }),
        [customFetch]: (to, request) => fetch(to, { ...init, ...request } as RequestInit),
        ...(init.signal && { signal: init.signal }),
      });
    } catch (error) {
      // A challenge is the caller's to read, as any other answer.
      if (error instanceof WWWAuthenticateChallengeError) return error.response;
      throw error;
    }
  };
  return async (input, init = {}) => {
    const response = await send(String(input), init);
    return response.status === 401 && (await proofs.needsNonce(response))
      ? send(String(input), init)
      : response;
  };
}
