// @auth0/auth0-spa-js, unmodified, against the tenant: the page drives it through buttons.
import { createAuth0Client } from '@auth0/auth0-spa-js';
import { authorizationParams, callUserinfo, clientId, describeError, domain } from './fixture.js';

const root = document.getElementById('root')!;
root.innerHTML = `
  <h1>@auth0/auth0-spa-js</h1>
  <dl><dt>Status</dt><dd id="status">loading</dd><dt>Email</dt><dd id="email">—</dd>
  <dt>Result</dt><dd id="result">—</dd><dt>Error</dt><dd id="error">—</dd></dl>
  <button id="login">Log in</button><button id="popup">Log in with popup</button>
  <button id="token">Get token</button><button id="refresh">Refresh token</button>
  <button id="userinfo">Call /userinfo</button><button id="logout">Log out</button>`;
const $ = (id: string) => document.getElementById(id)!;

const auth0 = await createAuth0Client({
  domain,
  clientId,
  authorizationParams: authorizationParams(),
  useRefreshTokens: true,
  useRefreshTokensFallback: true,
  cacheLocation: 'localstorage',
});

async function show() {
  const authenticated = await auth0.isAuthenticated();
  $('status').textContent = authenticated ? 'authenticated' : 'unauthenticated';
  $('email').textContent = (await auth0.getUser())?.email ?? '—';
}

function action(id: string, run: () => Promise<string | undefined>) {
  $(id).addEventListener('click', () => {
    $('result').textContent = '…';
    $('error').textContent = '—';
    run()
      .then((result) => {
        if (result) $('result').textContent = result;
      })
      .catch((error: unknown) => {
        $('error').textContent = describeError(error);
      })
      .then(show);
  });
}

action('login', () => auth0.loginWithRedirect().then(() => undefined));
action('popup', () => auth0.loginWithPopup().then(() => 'popup done'));
action('token', () => auth0.getTokenSilently().then(() => 'token ok'));
action('refresh', () => auth0.getTokenSilently({ cacheMode: 'off' }).then(() => 'refreshed'));
action('userinfo', async () => callUserinfo(await auth0.getTokenSilently()));
action('logout', () =>
  auth0.logout({ logoutParams: { returnTo: `${location.origin}/` } }).then(() => undefined),
);

if (new URLSearchParams(location.search).has('code')) {
  await auth0.handleRedirectCallback().catch((error: unknown) => {
    $('error').textContent = describeError(error);
  });
  history.replaceState(null, '', '/');
}
await show();
