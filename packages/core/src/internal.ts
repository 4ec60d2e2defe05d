// Internals for the package's own later modules (the Auth0 Authentication API subpath and
// session methods): they end their grants in `acceptTokens` like every flow here does.
// Not part of the public API; not exported from the package root.
import type { ClientContext } from './context.js';
import type { AuthClient } from './types.js';

export type { ClientContext } from './context.js';
export { type AcceptTokensInput, acceptTokens } from './tokens/acceptTokens.js';

const contexts = new WeakMap<AuthClient, ClientContext>();

/** Called by `createAuthClient()`: lets package modules reach a client's modules. */
export function registerContext(client: AuthClient, ctx: ClientContext): AuthClient {
  contexts.set(client, ctx);
  return client;
}

/**
 * The modules of a client made by `createAuthClient()`, to run a further grant through
 * `acceptTokens(contextOf(client), { response, grant: 'login', audience, scope })`.
 *
 * @throws {TypeError} when `client` was not made by `createAuthClient()`.
 */
export function contextOf(client: AuthClient): ClientContext {
  const ctx = contexts.get(client);
  if (!ctx) throw new TypeError('"client" must be made by createAuthClient()');
  return ctx;
}
