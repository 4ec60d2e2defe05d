import { inThisTab, tour } from '@sesame/demo-shared';
import { useAuth } from '@sesame/react';
import { Link } from 'react-router';

export function Home() {
  const { isLoading, isAuthenticated, user, loginWithRedirect, loginWithPopup } = useAuth();
  if (isLoading) return <p className="muted">Checking your session…</p>;

  if (!isAuthenticated) {
    return (
      <>
        <h1>Sesame with React</h1>
        <p className="lead">
          A single-page app that signs in with <code>@sesame/react</code>. With the local tenant, log in as{' '}
          <code>demo@sesame.test</code> / <code>Sesame-Demo-2026!</code>
        </p>
        <div className="card">
          <h2>Log in</h2>
          <p>Go to the tenant’s login page and come back, or stay on this page and log in in a popup.</p>
          <div className="actions">
            <button type="button" onClick={() => loginWithRedirect()}>
              Log in
            </button>
            {/* A failed popup login is shown from useAuth().error, in the layout. */}
            <button
              type="button"
              className="secondary"
              onClick={() => inThisTab(() => loginWithPopup()).catch(() => {})}
            >
              Log in with popup
            </button>
          </div>
        </div>
        <p>
          Or, without leaving the app: <Link to="/signin">sign up, an email code, a password with MFA</Link>.
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Welcome, {user?.name}</h1>
      <p className="lead">You are signed in. The session survives reloads and is shared by every tab.</p>
      <div className="grid">
        {tour.map((page) => (
          <div className="card" key={page.path}>
            <h2>{page.title}</h2>
            <p>{page.text}</p>
            <Link to={page.path}>{page.link} →</Link>
          </div>
        ))}
      </div>
    </>
  );
}
