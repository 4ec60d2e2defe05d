import type { ClientContext } from '../context.js';
import type { LogoutOptions } from '../types.js';

/**
 * Ends the session: every token, the user and every transaction are removed from memory and
 * storage, the snapshot turns `unauthenticated` and the other tabs do the same; then, unless
 * `openUrl` is `false`, the browser goes to the server's logout (`/v2/logout` in Auth0 mode,
 * `end_session_endpoint` in OIDC mode).
 */
export async function logout(ctx: ClientContext, options: LogoutOptions = {}): Promise<void> {
  const { config, tokens, server } = ctx;
  const { openUrl, logoutParams = {} } = options;
  if (openUrl !== undefined && openUrl !== false && typeof openUrl !== 'function') {
    throw new TypeError('"options.openUrl" must be a function or false');
  }
  await tokens.clear();
  ctx.store.publish({ status: 'unauthenticated', user: undefined, error: undefined });
  ctx.sync.post({ type: 'logout' });
  if (openUrl === false) return;

  const { returnTo, federated, ...extra } = logoutParams;
  let url: URL;
  if (config.mode === 'auth0') {
    url = new URL(`${config.origin}/v2/logout`);
    url.searchParams.set('client_id', config.clientId);
    if (returnTo) url.searchParams.set('returnTo', returnTo);
    if (federated) url.searchParams.set('federated', '');
  } else {
    const endpoint = (await server.metadata()).end_session_endpoint;
    if (!endpoint) return;
    url = new URL(endpoint);
    // client_id, not id_token_hint: no token ever goes into a URL (security property 8).
    url.searchParams.set('client_id', config.clientId);
    if (returnTo) url.searchParams.set('post_logout_redirect_uri', returnTo);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (typeof value === 'string') url.searchParams.set(name, value);
  }
  await (openUrl ?? ((href: string) => location.assign(href)))(url.href);
}
