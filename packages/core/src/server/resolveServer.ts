import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { DpopProofs } from '../dpop/dpopProofs.js';
import { toAuthError } from '../errors/toAuthError.js';
import type { HttpOptions } from '../oauth/tokenRequest.js';
import type { AuthorizationServer } from '../oauth/types.js';
import { withTimeout } from '../util/withTimeout.js';
import { auth0Endpoints } from './auth0Endpoints.js';
import type { DiscoveryCache } from './discovery.js';

export type Server = ReturnType<typeof resolveServer>;

/**
 * The authorization server of a client: its metadata (known in Auth0 mode, discovered once
 * and cached in OIDC mode), and `request()`, which bounds every HTTP exchange by
 * `httpTimeoutInSeconds` and maps failures to `AuthError`s. With `dpop`, every request carries a
 * DPoP proof and a `use_dpop_nonce` answer is retried once with the nonce.
 */
export function resolveServer(config: ResolvedConfig, dpop?: DpopProofs, cache?: DiscoveryCache) {
  let metadata: Promise<AuthorizationServer> | undefined =
    config.mode === 'auth0' ? Promise.resolve(auth0Endpoints(config.origin)) : undefined;

  async function request<T>(task: (http: HttpOptions) => Promise<T>): Promise<T> {
    const { httpTimeoutMs, fetch, allowInsecure } = config;
    return withTimeout(httpTimeoutMs, async (signal) => {
      try {
        const http: HttpOptions = { fetch, signal, allowInsecure, dpop };
        // A server that wants a DPoP nonce asks once; the proofs keep it, so one more try carries it.
        return await (dpop ? dpop.retried(() => task(http)) : task(http));
      } catch (error) {
        throw toAuthError(error, signal);
      }
    });
  }

  return {
    request,
    /** With the `dpop` option: the client's DPoP key and proofs. */
    dpop,
    /** The server's metadata (OIDC mode: from `cache` while fresh); a failed discovery is tried again next call. */
    metadata(): Promise<AuthorizationServer> {
      // Loaded when used: an app in Auth0 mode never downloads the discovery code.
      metadata ??= request(async ({ signal }) =>
        (await import('./discovery.js')).discovery(config.issuer, config.fetch, signal, cache),
      ).catch((error) => {
        metadata = undefined;
        throw error;
      });
      return metadata;
    },
  };
}
