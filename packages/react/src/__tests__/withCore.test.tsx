import { describe, expect, it } from 'vitest';
import { AuthProvider } from '../AuthProvider.js';
import { useAuth } from '../useAuth.js';
import { render } from './render.js';

function Status() {
  const { isLoading, isAuthenticated, error } = useAuth();
  return (
    <p>
      {isLoading ? 'loading' : isAuthenticated ? 'signed in' : 'signed out'}
      {error ? ` error:${error.code}` : ''}
    </p>
  );
}

const options = {
  domain: 'http://127.0.0.1:9',
  clientId: 'demo',
  storage: 'memory',
  silentAuth: false,
} as const;

describe('<AuthProvider> with the real core', () => {
  it('creates the client from options and settles to signed out when nothing is stored', async () => {
    window.history.replaceState(null, '', '/');
    const { container } = await render(
      <AuthProvider {...options}>
        <Status />
      </AuthProvider>,
    );
    await expect.poll(() => container.textContent).toBe('signed out');
  });

  it("surfaces the core's rejection of an unknown callback state as error, and the URL is cleaned", async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=unknown');
    const { container } = await render(
      <AuthProvider {...options}>
        <Status />
      </AuthProvider>,
    );
    await expect.poll(() => container.textContent).toBe('signed out error:invalid_state');
    expect(window.location.search).toBe('');
  });
});
