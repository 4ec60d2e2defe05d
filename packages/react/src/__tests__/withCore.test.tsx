import { describe, expect, it } from 'vitest';
import { AuthProvider } from '../AuthProvider.js';
import { useAuth } from '../useAuth.js';
import { render } from './render.js';

function Status() {
  const { isLoading, isAuthenticated } = useAuth();
  return <p>{isLoading ? 'loading' : isAuthenticated ? 'signed in' : 'signed out'}</p>;
}

describe('<AuthProvider> with the real core', () => {
  it('creates the client from options and settles to signed out when nothing is stored', async () => {
    window.history.replaceState(null, '', '/');
    const { container } = await render(
      <AuthProvider domain="http://127.0.0.1:9" clientId="demo" storage="memory" silentAuth={false}>
        <Status />
      </AuthProvider>,
    );
    await expect.poll(() => container.textContent).toBe('signed out');
  });
});
