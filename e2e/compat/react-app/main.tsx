// An auth0-react app written as auth0-react's README and EXAMPLES.md show it (provider with
// onRedirectCallback and react-router, useAuth0 with getAccessTokenSilently,
// withAuthenticationRequired, withAuth0, errors by class) — only the import is Sesame's.
import {
  Auth0Provider,
  type Auth0ProviderOptions,
  GenericError,
  PopupCancelledError,
  useAuth0,
  type WithAuth0Props,
  withAuth0,
  withAuthenticationRequired,
} from '@sesame/react/auth0';
import { Component, type ComponentType, type ReactNode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Route, Routes, useNavigate } from 'react-router';

declare const __TENANT_URL__: string;

const Auth0ProviderWithRedirectCallback = ({ children, ...props }: Auth0ProviderOptions) => {
  const navigate = useNavigate();
  const onRedirectCallback = (appState?: { returnTo?: string }) => {
    navigate(appState?.returnTo || window.location.pathname);
  };
  return (
    <Auth0Provider onRedirectCallback={onRedirectCallback} {...props}>
      {children}
    </Auth0Provider>
  );
};

const ProtectedRoute = ({ component }: { component: ComponentType }) => {
  const Protected = withAuthenticationRequired(component, {
    onRedirecting: () => <p>Redirecting you to the login…</p>,
  });
  return <Protected />;
};

function Profile() {
  const { user } = useAuth0();
  return <h2 id="profile">Profile of {user?.email}</h2>;
}

// Calls an API with the access token, as auth0-react's "Call an API" example (here the tenant's /userinfo).
function Posts() {
  const { getAccessTokenSilently } = useAuth0();
  const [email, setEmail] = useState<string>();
  useEffect(() => {
    (async () => {
      try {
        const token = await getAccessTokenSilently();
        const response = await fetch(`${__TENANT_URL__}/userinfo`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        setEmail((await response.json()).email);
      } catch (e) {
        setEmail(e instanceof GenericError ? `error ${e.error}` : 'error');
      }
    })();
  }, [getAccessTokenSilently]);
  return <p id="api">{email ? `API says ${email}` : 'Calling the API…'}</p>;
}

class LogoutButton extends Component<WithAuth0Props> {
  override render() {
    const { logout } = this.props.auth0;
    return (
      <button type="button" onClick={() => logout({ logoutParams: { returnTo: window.location.origin } })}>
        Log out
      </button>
    );
  }
}
const WithAuth0LogoutButton = withAuth0(LogoutButton);

function SignedOutTools() {
  const { loginWithPopup, getAccessTokenSilently } = useAuth0();
  const [result, setResult] = useState('');
  const popup = async () => {
    try {
      await loginWithPopup();
    } catch (e) {
      setResult(e instanceof PopupCancelledError ? 'PopupCancelledError' : String(e));
    }
  };
  const cacheOnly = async () =>
    setResult(`cache-only: ${await getAccessTokenSilently({ cacheMode: 'cache-only' })}`);
  const silent = async () => {
    try {
      await getAccessTokenSilently();
    } catch (e) {
      if (e instanceof GenericError) setResult(`GenericError ${e.error}`);
    }
  };
  return (
    <p>
      <button type="button" onClick={popup}>
        Log in with a popup
      </button>
      <button type="button" onClick={cacheOnly}>
        Token from the cache only
      </button>
      <button type="button" onClick={silent}>
        Token silently
      </button>
      <output id="result">{result}</output>
    </p>
  );
}

function App(): ReactNode {
  const { isLoading, isAuthenticated, error, user, loginWithRedirect } = useAuth0();
  if (isLoading) return <div>Loading...</div>;
  return (
    <>
      {error && <div id="error">Oops... {error instanceof GenericError ? error.error : error.message}</div>}
      {isAuthenticated ? (
        <div>
          <p id="hello">Hello {user?.name}</p>
          <WithAuth0LogoutButton />
          <Posts />
        </div>
      ) : (
        <>
          <button type="button" onClick={() => loginWithRedirect()}>
            Log in
          </button>
          <SignedOutTools />
        </>
      )}
      <Link to="/profile">Profile</Link>
      <Routes>
        <Route path="/" element={null} />
        <Route path="/profile" element={<ProtectedRoute component={Profile} />} />
      </Routes>
    </>
  );
}

createRoot(document.getElementById('app') as HTMLElement).render(
  <BrowserRouter>
    <Auth0ProviderWithRedirectCallback
      domain={__TENANT_URL__}
      clientId="sesame-spa"
      authorizationParams={{ redirect_uri: window.location.origin }}
    >
      <App />
    </Auth0ProviderWithRedirectCallback>
  </BrowserRouter>,
);
