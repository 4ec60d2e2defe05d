import { isSecureEnough } from '../config/resolveConfig.js';
import { AuthError } from '../errors/AuthError.js';
import { StepUpError } from '../errors/StepUpError.js';
import { contextOf } from '../internal.js';
import { challengeOf } from '../oauth/challengeOf.js';
import { protectedRequest } from '../oauth/protectedRequest.js';
import type { AuthClient } from '../types.js';

/** Options of {@link createFetcher}. */
export interface FetcherOptions {
  /** Relative request URLs are resolved against it; its origin is allowed. */
  baseUrl?: string | URL;
  /**
   * The origins a token may be sent to (`https://api.example.com`; plain http only on a loopback
   * host). Default: the origin of `baseUrl` only. A request anywhere else is refused before
   * anything is sent, so a token never leaks to a third-party URL by mistake.
   */
  allowedOrigins?: string[];
  /** The API's audience, for the token (default: the client's). */
  audience?: string;
  /** The scope the token needs (default: the client's). */
  scope?: string;
}

/** The function {@link createFetcher} returns: `fetch` with the session's access token. */
export type AuthFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

const origin = (value: string, option: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`"${option}" must be an absolute URL`);
  }
  if (!isSecureEnough(url))
    throw new TypeError(`"${option}" must be https (plain http only on a loopback host)`);
  return url.origin;
};

/**
 * Makes a `fetch` for an API that adds the session's access token to each request: as
 * `Authorization: Bearer …`, or, for a client with the `dpop` option, as `Authorization: DPoP …` with a
 * fresh proof bound to the method, URL and token (`htm`, `htu`, `ath`).
 *
 * On a `401`: `use_dpop_nonce` is answered by one more try with the server's nonce;
 * `invalid_token` by one forced refresh and one more try; it never loops. A `403`/`401` asking
 * for more (`insufficient_scope`, `insufficient_user_authentication`) rejects with a
 * {@link StepUpError} carrying what was asked; any other answer resolves as it came (redirects are
 * not followed, so a token never goes to where a redirect points).
 *
 * @param client - A client made by `createAuthClient()`.
 * @throws {TypeError} when `client` is not one, or no origin is allowed; the returned function
 *   rejects with a `TypeError` for a URL outside `allowedOrigins` (nothing sent), and with the
 *   `AuthError` of `getTokenSilently()` when there is no token.
 * @example
 * const api = createFetcher(client, { baseUrl: 'https://api.example.com', audience: 'https://api.example.com' });
 * const messages = await (await api('/messages')).json();
 */
export function createFetcher(client: AuthClient, options: FetcherOptions = {}): AuthFetch {
  const ctx = contextOf(client);
  const base = options.baseUrl === undefined ? undefined : String(options.baseUrl);
  const allowed = new Set(
    (options.allowedOrigins ?? []).map((value, i) => origin(value, `options.allowedOrigins[${i}]`)),
  );
  if (base !== undefined) allowed.add(origin(base, 'options.baseUrl'));
  if (allowed.size === 0)
    throw new TypeError('"options.baseUrl" or "options.allowedOrigins" must name an API origin');
  const authorizationParams = { audience: options.audience, scope: options.scope };

  return async (input, init = {}) => {
    const url = new URL(input, base);
    if (!allowed.has(url.origin)) {
      throw new TypeError(
        `"input" is on ${url.origin}, not an allowed origin of this fetcher: no token was sent`,
      );
    }
    // A stream can be sent once only: no second try then.
    const once = init.body instanceof ReadableStream;
    const send = async (cacheMode: 'on' | 'off') => {
      const token = await client.getTokenSilently({ authorizationParams, cacheMode, detailedResponse: true });
      const bound = token.token_type?.toLowerCase() === 'dpop';
      const proofs = bound ? ctx.server.dpop : undefined;
      if (bound && !proofs)
        throw new AuthError('configuration_error', 'a DPoP-bound token on a client without the dpop option');
      const response = await protectedRequest(ctx.config.fetch, url, init, token.access_token, proofs);
      // The challenge of the token's own scheme is the one that speaks about it.
      return { response, challenge: challengeOf(response, bound ? 'dpop' : 'bearer') ?? {} };
    };
    let nonceTried = once;
    let refreshed = once;
    for (;;) {
      const { response, challenge } = await send(refreshed && !once ? 'off' : 'on');
      const { error: code, error_description: description, scope, acr_values, max_age } = challenge;
      if (code === 'use_dpop_nonce' && !nonceTried) nonceTried = true;
      else if (code === 'invalid_token' && !refreshed) refreshed = true;
      else if (code === 'insufficient_scope' || code === 'insufficient_user_authentication') {
        throw new StepUpError(code, {
          description,
          scope,
          acrValues: acr_values,
          maxAge: max_age === undefined ? undefined : Number(max_age),
        });
      } else return response;
    }
  };
}
