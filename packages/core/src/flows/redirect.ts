import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import type { Transaction } from '../transactions/createTransactionStore.js';
import type { RedirectLoginOptions, RedirectLoginResult } from '../types.js';
import { exchangeCode } from './exchangeCode.js';
import { startAuthorization } from './startAuthorization.js';

/** Stores a transaction for the login and sends the browser to `/authorize`. */
export async function loginWithRedirect<TAppState>(
  ctx: ClientContext,
  options: RedirectLoginOptions<TAppState> = {},
): Promise<void> {
  if (options.openUrl !== undefined && typeof options.openUrl !== 'function') {
    throw new TypeError('"options.openUrl" must be a function');
  }
  const { url, tx } = await startAuthorization(ctx, options.authorizationParams);
  await ctx.transactions.put({
    ...tx,
    ...(options.appState !== undefined && { appState: options.appState }),
  });
  await (options.openUrl ?? ((href: string) => location.assign(href)))(url.href);
}

/**
 * Removes the authorization response from the address bar (and so from history) before the
 * code is used, so that nothing of it stays behind even if the exchange fails. Whatever the
 * server put there goes (`code`, `state`, `iss`, `error*`, `access_token`, `session_state`, …):
 * only the redirect URI's own query parameters stay, and a fragment of parameters is dropped.
 */
function cleanLocation(callback: URL, redirectUri: string | undefined): void {
  if (typeof location === 'undefined' || typeof history === 'undefined') return;
  const current = new URL(location.href);
  if (current.origin !== callback.origin || current.pathname !== callback.pathname) return;
  const own = new URL(redirectUri ?? current.origin, current.origin).searchParams;
  for (const name of [...current.searchParams.keys()]) {
    if (!own.has(name)) current.searchParams.delete(name);
  }
  // A route (`#/profile`) or an anchor stays; `#access_token=…` does not.
  if (current.hash.includes('=')) current.hash = '';
  history.replaceState(history.state, '', current.pathname + current.search + current.hash);
}

/** Completes a redirect login: consumes the transaction of the response's `state` exactly once. */
export async function handleRedirectCallback<TAppState>(
  ctx: ClientContext,
  url: string = location.href,
): Promise<RedirectLoginResult<TAppState>> {
  if (typeof url !== 'string') throw new TypeError('"url" must be a string');
  const callback = new URL(url);
  const state = callback.searchParams.get('state');
  let tx: Transaction | undefined;
  try {
    tx = state ? await ctx.transactions.take(state) : undefined;
  } finally {
    // The redirect URI of the login tells the app's own parameters from the server's.
    cleanLocation(callback, tx?.redirectUri ?? ctx.config.authorizationParams.redirect_uri);
  }
  if (!tx)
    throw new AuthError('invalid_state', 'no login is waiting for this response (replayed or unknown state)');
  await exchangeCode(ctx, tx, callback.searchParams);
  return tx.appState === undefined ? {} : { appState: tx.appState as TAppState };
}
