// Minimal React app: the provider and one component using the hook. React itself is external.
import { AuthProvider, useAuth } from '@sesame/react';
import { createRoot } from 'react-dom/client';
import { appConfig } from './appConfig.js';

function Profile() {
  const { isAuthenticated, user, loginWithRedirect, logout } = useAuth();
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
  <AuthProvider
    domain={appConfig.origin}
    clientId={appConfig.clientId}
    authorizationParams={{ redirect_uri: appConfig.redirectUri, audience: appConfig.audience }}
  >
    <Profile />
  </AuthProvider>,
);
