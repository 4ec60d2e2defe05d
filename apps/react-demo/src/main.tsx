import '@sesame/demo-shared/demo.css';
import { auth } from '@sesame/demo-shared';
import { AuthProvider, withAuthenticationRequired } from '@sesame/react';
import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { Api } from './pages/Api';
import { Home } from './pages/Home';
import { Profile } from './pages/Profile';
import { SignIn } from './pages/SignIn';
import { Tokens } from './pages/Tokens';

// A page only a signed-in user sees; anyone else goes to the login page and comes back here.
const protect = (page: ComponentType) =>
  withAuthenticationRequired(page, { onRedirecting: () => <p className="muted">Checking your session…</p> });

const router = createBrowserRouter([
  {
    Component: Layout,
    children: [
      { index: true, Component: Home },
      { path: 'profile', Component: protect(Profile) },
      { path: 'tokens', Component: protect(Tokens) },
      { path: 'api', Component: Api },
      { path: 'signin', Component: SignIn },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider
      client={auth}
      onRedirectCallback={(appState) => router.navigate(appState?.returnTo ?? '/', { replace: true })}
    >
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
