// @auth0/auth0-react, unmodified, against the tenant: <Auth0Provider> and useAuth0() as its README shows.
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { authorizationParams, callUserinfo, clientId, describeError, domain } from './fixture.js';

function App() {
  const {
    isLoading,
    isAuthenticated,
    user,
    error,
    loginWithRedirect,
    loginWithPopup,
    getAccessTokenSilently,
    logout,
  } = useAuth0();
  const [result, setResult] = useState('—');
  const [failure, setFailure] = useState('—');
  const run = (task: () => Promise<string | undefined>) => () => {
    setResult('…');
    setFailure('—');
    task().then(
      (value) => value && setResult(value),
      (e: unknown) => setFailure(describeError(e)),
    );
  };
  const status = isLoading ? 'loading' : isAuthenticated ? 'authenticated' : 'unauthenticated';
  return (
    <>
      <h1>@auth0/auth0-react</h1>
      <dl>
        <dt>Status</dt>
        <dd id="status">{status}</dd>
        <dt>Email</dt>
        <dd id="email">{user?.email ?? '—'}</dd>
        <dt>Result</dt>
        <dd id="result">{result}</dd>
        <dt>Error</dt>
        <dd id="error">{error ? describeError(error) : failure}</dd>
      </dl>
      <button type="button" id="login" onClick={run(() => loginWithRedirect().then(() => undefined))}>
        Log in
      </button>
      <button type="button" id="popup" onClick={run(() => loginWithPopup().then(() => 'popup done'))}>
        Log in with popup
      </button>
      <button type="button" id="token" onClick={run(() => getAccessTokenSilently().then(() => 'token ok'))}>
        Get token
      </button>
      <button
        type="button"
        id="refresh"
        onClick={run(() => getAccessTokenSilently({ cacheMode: 'off' }).then(() => 'refreshed'))}
      >
        Refresh token
      </button>
      <button
        type="button"
        id="userinfo"
        onClick={run(async () => callUserinfo(await getAccessTokenSilently()))}
      >
        Call /userinfo
      </button>
      <button
        type="button"
        id="logout"
        onClick={run(() =>
          logout({ logoutParams: { returnTo: `${location.origin}/` } }).then(() => undefined),
        )}
      >
        Log out
      </button>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <Auth0Provider
    domain={domain}
    clientId={clientId}
    authorizationParams={authorizationParams()}
    useRefreshTokens
    useRefreshTokensFallback
    cacheLocation="localstorage"
  >
    <App />
  </Auth0Provider>,
);
