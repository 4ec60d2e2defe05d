// Minimal React app: the provider and one component using the hook. React itself is external.
import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
import { createRoot } from 'react-dom/client';
import { appConfig } from './appConfig.js';

function Profile() {
  const { isAuthenticated, user, loginWithRedirect, logout } = useAuth0();
  if (!isAuthenticated)
    return (
      <button type="button" onClick={() => loginWithRedirect()}>
        Log in
      </button>
    );
  return (
    <button type="button" onClick={() => logout()}>
      Log out {user?.name}
    </button>
  );
}

createRoot(document.body).render(
  <Auth0Provider
    domain={appConfig.origin}
    clientId={appConfig.clientId}
    authorizationParams={{ redirect_uri: appConfig.redirectUri, audience: appConfig.audience }}
  >
    <Profile />
  </Auth0Provider>,
);
