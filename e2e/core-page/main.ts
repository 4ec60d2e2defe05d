// The core alone on a plain page. Tests drive it through `window.sesame` and the buttons;
// `pageOptions()` (page.addInitScript, or a URL fragment) overrides client options per test;
// options are JSON there, so `dpop: true` stands for `dpop()` (see e2e/support/corePage.ts).
import { createAuthClient } from '@sesame/core';
import { dpop } from '@sesame/core/dpop';
import { createFetcher } from '@sesame/core/fetcher';
import '../support/pageClock.js';
import { pageOptions } from '../support/pageOptions.js';

declare const __TENANT_URL__: string;
declare global {
  interface Window {
    sesame: {
      client: ReturnType<typeof createAuthClient>;
      events: string[];
      /** `createFetcher` of `@sesame/core/fetcher`, for tests that call an API through the client. */
      createFetcher: typeof createFetcher;
    };
  }
}

const { dpop: withDpop, ...options } = pageOptions();
const client = createAuthClient({
  // An `issuer` option puts the page in OIDC mode (discovery), which takes no `domain`.
  ...(!options.issuer && { domain: __TENANT_URL__ }),
  clientId: 'sesame-spa',
  authorizationParams: { redirect_uri: `${location.origin}/`, audience: 'https://api.sesame.test' },
  // The page's clock plus the offset a test moves (e2e/support/pageClock.ts), in every driver.
  now: () => Date.now() + (window.__clockOffsetMs ?? 0),
  ...options,
  ...(withDpop && { dpop: dpop() }),
});
const events: string[] = [];
window.sesame = { client, events, createFetcher };

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const show = (message: string) => {
  events.push(message);
  $('log').textContent = events.slice(-8).join('\n');
};
const fail = (e: unknown) => {
  const code = (e as { code?: string }).code ?? 'error';
  show(`error ${code}`);
  $('error').hidden = false;
  // An AuthError's message starts with its code already.
  $('error').textContent = code === 'error' ? `error: ${(e as Error).message}` : (e as Error).message;
};

client.subscribe(() => {
  const { status, user, error } = client.getSnapshot();
  $('status').textContent = status;
  $('status').dataset.status = status;
  $('user').textContent = user?.name ?? '—';
  $('email').textContent = user?.email ?? '—';
  // The snapshot's error is the last operation's: a later success clears it, and so does the page.
  if (error) fail(error);
  else $('error').hidden = true;
  show(`status ${status}`);
});

async function showExpiry(cacheMode: 'on' | 'off' = 'on') {
  const token = await client.getTokenSilently({ cacheMode, detailedResponse: true });
  $('expiry').textContent = new Date(Date.now() + token.expires_in * 1000).toLocaleTimeString();
  show(`token ${cacheMode === 'off' ? 'refreshed' : 'ok'}`);
}

$('login').onclick = () => client.loginWithRedirect({ appState: { from: 'core-page' } }).catch(fail);
$('popup').onclick = () => client.loginWithPopup().catch(fail);
$('token').onclick = () => showExpiry().catch(fail);
$('refresh').onclick = () => showExpiry('off').catch(fail);
$('logout').onclick = () => client.logout({ logoutParams: { returnTo: `${location.origin}/` } }).catch(fail);

const params = new URLSearchParams(location.search);
if ((params.has('code') || params.has('error')) && params.has('state')) {
  client
    .handleRedirectCallback()
    .then(({ appState }) => show(`callback ${JSON.stringify(appState)}`))
    .catch(fail);
} else {
  client.checkSession().catch(fail);
}
