import type { ClientContext } from '../context.js';
import type { AuthError } from '../errors/AuthError.js';
import type { LogoutOptions } from '../types.js';

/**
 * Ends the session: every token, the user and every transaction are removed from memory and
 * storage, and the other tabs do the same; then, unless `openUrl` is `false`, the browser goes
 * to the server's logout (`/v2/logout` in Auth0 mode, `end_session_endpoint` in OIDC mode).
 *
 * Resolves only once the stored session is gone. When the storage fails (`storage_error`),
 * memory is cleared, the other tabs are told, the snapshot turns `unauthenticated` with the
 * error, and it rejects without navigating, so the caller can try again.
 *
 * When the browser is sent away with the default `location.assign`, this tab's snapshot stays as
 * it was until the page unloads: an `unauthenticated` snapshot now would make a route guard
 * (`<RequireAuth>`, `createAuthGuard()`) start a login that overrides the logout navigation.
 * With `openUrl: false` or a function of the caller's, the snapshot turns `unauthenticated`.
 */
export async function logout(ctx: ClientContext, options: LogoutOptions = {}): Promise<void> {
  const { openUrl, logoutParams = {} } = options;
  if (openUrl !== undefined && openUrl !== false && typeof openUrl !== 'function') {
    throw new TypeError('"options.openUrl" must be a function or false');
  }
  ctx.transactions.clearTab();
  ctx.server.dpop?.forget();
  let failure: AuthError | undefined;
  await ctx.tokens.clear().catch((error: AuthError) => {
    failure = error;
  });
  ctx.sync.post({ type: 'logout' });
  let url: URL | undefined;
  try {
    if (failure) throw failure;
    if (openUrl !== false) url = await logoutUrl(ctx, logoutParams);
  } finally {
    if (!url || openUrl) ctx.store.publish({ status: 'unauthenticated', user: undefined, error: failure });
  }
  if (url) await (openUrl || ((href: string) => location.assign(href)))(url.href);
}

/** `/v2/logout` (Auth0 mode) or the `end_session_endpoint` (OIDC mode; none: undefined). */
async function logoutUrl(
  { config, server }: ClientContext,
  logoutParams: NonNullable<LogoutOptions['logoutParams']>,
): Promise<URL | undefined> {
  const { returnTo, federated, ...extra } = logoutParams;
  let url: URL;
  if (config.mode === 'auth0') {
    url = new URL(`${config.origin}/v2/logout`);
    url.searchParams.set('client_id', config.clientId);
    if (returnTo) url.searchParams.set('returnTo', returnTo);
    if (federated) url.searchParams.set('federated', '');
  } else {
    const endpoint = (await server.metadata()).end_session_endpoint;
    if (!endpoint) return undefined;
    url = new URL(endpoint);
    // client_id, not id_token_hint: no token ever goes into a URL (security property 8).
    url.searchParams.set('client_id', config.clientId);
    if (returnTo) url.searchParams.set('post_logout_redirect_uri', returnTo);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (typeof value === 'string') url.searchParams.set(name, value);
  }
  return url;
}
