/**
 * `@sesame/core/dpop`: sender-constrained tokens (RFC 9449). A subpath of its own, so apps that
 * do not turn DPoP on do not carry its code.
 *
 * @packageDocumentation
 */
import type { DpopOption } from '../types.js';
import { dpopProofs } from './dpopProofs.js';

export type { DpopOption } from '../types.js';

/**
 * Turns DPoP on for a client: pass the result as the `dpop` option of `createAuthClient()`. The
 * client makes one ES256 key pair that script cannot export, keeps it in its storage beside the
 * session (shared by tabs, deleted on logout), and proves possession of it in every token request;
 * the server binds the tokens to it, so a copied token is refused elsewhere. Call APIs with
 * `createFetcher()` of `@sesame/core/fetcher`.
 *
 * @example
 * import { createAuthClient } from '@sesame/core';
 * import { dpop } from '@sesame/core/dpop';
 * const auth = createAuthClient({ domain: 'example.eu.auth0.com', clientId: 'abc', dpop: dpop() });
 * @see [RFC 9449](https://www.rfc-editor.org/rfc/rfc9449.html)
 */
export function dpop(): DpopOption {
  return { create: dpopProofs };
}
