// Minimal React app: the provider and one component using the hook. React itself is external.
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth } from 'react-oidc-context';
import { appConfig } from './appConfig.js';

function Profile() {
  const auth = useAuth();
  if (!auth.isAuthenticated)
    return (
      <button type="button" onClick={() => auth.signinRedirect()}>
        Log in
      </button>
    );
  return (
    <button type="button" onClick={() => auth.signoutRedirect()}>
      Log out {auth.user?.profile.name}
    </button>
  );
}

createRoot(document.body).render(
  <AuthProvider
    authority={appConfig.issuer}
    client_id={appConfig.clientId}
    redirect_uri={appConfig.redirectUri}
    scope={appConfig.scope}
    extraQueryParams={{ audience: appConfig.audience }}
    onSigninCallback={() => history.replaceState({}, '', location.pathname)}
  >
    <Profile />
  </AuthProvider>,
);
