import { protectedRequest } from '../oauth/protectedRequest.js';
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
  return (input, init = {}) =>
    proofs.retried(() => protectedRequest(fetch, new URL(String(input)), init, accessToken, proofs));
}
