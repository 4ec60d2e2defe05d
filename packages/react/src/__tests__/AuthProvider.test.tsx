import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessDenied, alice, FakeClient } from '../../../../test-support/FakeClient.js';
import { AuthProvider } from '../AuthProvider.js';
import { useAuth } from '../useAuth.js';
import { render, update } from './render.js';

function Status() {
  const { isLoading, isAuthenticated, user, error } = useAuth();
  return (
    <p>
      {isLoading ? 'loading' : isAuthenticated ? `hello ${user?.name}` : 'signed out'}
      {error ? ` error:${error.code}` : ''}
    </p>
  );
}

describe('<AuthProvider>', () => {
  let client: FakeClient;
  beforeEach(() => {
    client = new FakeClient();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('checks the session once when the URL is not a callback, also under StrictMode', async () => {
    await render(
      <StrictMode>
        <AuthProvider client={client}>
          <Status />
        </AuthProvider>
      </StrictMode>,
    );
    expect(client.count('checkSession')).toBe(1);
    expect(client.count('handleRedirectCallback')).toBe(0);
  });

  it('handles the redirect callback exactly once under StrictMode and passes appState and user on', async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=xyz');
    const onRedirectCallback = vi.fn();
    const { container } = await render(
      <StrictMode>
        <AuthProvider client={client} onRedirectCallback={onRedirectCallback}>
          <Status />
        </AuthProvider>
      </StrictMode>,
    );
    expect(client.calls.filter((c) => c.method === 'handleRedirectCallback')).toEqual([
      { method: 'handleRedirectCallback', args: [`${window.location.origin}/callback?code=abc&state=xyz`] },
    ]);
    expect(client.count('checkSession')).toBe(0);
    expect(onRedirectCallback).toHaveBeenCalledTimes(1);
    expect(onRedirectCallback).toHaveBeenCalledWith({ returnTo: '/from-state' }, alice);
    expect(container.textContent).toBe('hello Alice');
  });

  it('does not handle the callback twice when the provider is mounted again with the same client', async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=xyz');
    const first = await render(<AuthProvider client={client} onRedirectCallback={() => {}} />);
    await first.unmount();
    await render(<AuthProvider client={client} onRedirectCallback={() => {}} />);
    expect(client.count('handleRedirectCallback')).toBe(1);
  });

  it('by default replaces the URL with appState.returnTo after the callback', async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=xyz');
    await render(<AuthProvider client={client} />);
    expect(`${window.location.pathname}${window.location.search}`).toBe('/from-state');
  });

  it('leaves code and state alone with skipRedirectCallback and checks the session instead', async () => {
    window.history.replaceState(null, '', '/other-oauth?code=abc&state=xyz');
    const onRedirectCallback = vi.fn();
    await render(
      <AuthProvider client={client} skipRedirectCallback onRedirectCallback={onRedirectCallback} />,
    );
    expect(client.count('handleRedirectCallback')).toBe(0);
    expect(client.count('checkSession')).toBe(1);
    expect(onRedirectCallback).not.toHaveBeenCalled();
  });

  it('surfaces an error response of the authorization server through useAuth().error', async () => {
    window.history.replaceState(null, '', '/callback?error=access_denied&state=xyz');
    client.callback = () => Promise.reject(accessDenied);
    const onRedirectCallback = vi.fn();
    const { container } = await render(
      <AuthProvider client={client} onRedirectCallback={onRedirectCallback}>
        <Status />
      </AuthProvider>,
    );
    expect(client.count('handleRedirectCallback')).toBe(1);
    expect(onRedirectCallback).not.toHaveBeenCalled();
    expect(container.textContent).toBe('signed out error:access_denied');
  });

  it('treats a URL with code but no state as no callback', async () => {
    window.history.replaceState(null, '', '/?code=abc');
    await render(<AuthProvider client={client} />);
    expect(client.count('handleRedirectCallback')).toBe(0);
    expect(client.count('checkSession')).toBe(1);
  });
});

describe('<AuthProvider> start-up', () => {
  it('keeps isLoading true until the callback is done, even once the core has left `loading`', async () => {
    window.history.replaceState(null, '', '/callback?code=abc&state=xyz');
    const client = new FakeClient();
    let finish!: () => void;
    client.callback = async () => {
      client.set({ status: 'unauthenticated' }); // the stored session was read: nobody yet
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      client.set({ status: 'authenticated', user: alice });
      return {};
    };
    const { container } = await render(
      <AuthProvider client={client} onRedirectCallback={() => {}}>
        <Status />
      </AuthProvider>,
    );
    expect(client.snapshot.status).toBe('unauthenticated');
    expect(container.textContent).toBe('loading');
    await update(() => finish());
    expect(container.textContent).toBe('hello Alice');
    window.history.replaceState(null, '', '/');
  });

  it('keeps isLoading true until the session check is done', async () => {
    const client = new FakeClient();
    let finish!: () => void;
    client.checkSession = () => new Promise<void>((resolve) => (finish = resolve));
    client.snapshot = { status: 'unauthenticated', user: undefined, error: undefined };
    const { container } = await render(
      <AuthProvider client={client}>
        <Status />
      </AuthProvider>,
    );
    expect(container.textContent).toBe('loading');
    await update(() => finish());
    expect(container.textContent).toBe('signed out');
  });
});
