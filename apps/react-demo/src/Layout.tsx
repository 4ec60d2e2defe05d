import { inThisTab, watchOtherTabs } from '@sesame/demo-shared';
import { useAuth } from '@sesame/react';
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { Avatar, ErrorAlert } from './ui';

export function Layout() {
  const { isLoading, isAuthenticated, user, error, client, loginWithRedirect, logout } = useAuth();
  const [notice, setNotice] = useState<string>();
  // Once this tab's own start-up is over, tell when another tab signs in or out.
  useEffect(() => (isLoading ? undefined : watchOtherTabs(client, setNotice)), [isLoading, client]);

  const logOut = () => inThisTab(() => logout({ logoutParams: { returnTo: `${location.origin}/` } }));

  return (
    <>
      <header className="topbar">
        <Link to="/" className="brand">
          Sesame <small>React demo</small>
        </Link>
        <nav>
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/profile">Profile</NavLink>
          <NavLink to="/tokens">Tokens</NavLink>
          <NavLink to="/api">API</NavLink>
          <NavLink to="/signin">More logins</NavLink>
        </nav>
        {!isLoading && (
          <div className="session">
            {isAuthenticated ? (
              <>
                <span className="user">
                  <Avatar user={user} />
                  <span className="name">{user?.name}</span>
                </span>
                <button type="button" className="secondary" onClick={logOut}>
                  Log out
                </button>
              </>
            ) : (
              <button type="button" onClick={() => loginWithRedirect()}>
                Log in
              </button>
            )}
          </div>
        )}
      </header>
      <main>
        {/* An mfa_required login goes on in the page that started it. */}
        {error && error.code !== 'mfa_required' && <ErrorAlert error={error} />}
        <Outlet />
      </main>
      {notice && (
        <div className="toast" role="status">
          {notice}
        </div>
      )}
    </>
  );
}
