import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { accessDenied, alice, FakeClient } from '../../../../test-support/FakeClient.js';
import { AuthProvider } from '../AuthProvider.js';
import { type UseAuthResult, useAuth, useAuthSuspense } from '../useAuth.js';
import { render, update } from './render.js';

function Probe({ results }: { results: UseAuthResult[] }) {
  results.push(useAuth());
  return null;
}

function Lonely() {
  useAuth();
  return null;
}

function Profile() {
  const { user } = useAuthSuspense();
  return <p>{user?.name ?? 'signed out'}</p>;
}

/** Renders a component that stores what useAuth() returned on each render. */
async function renderUseAuth(client: FakeClient) {
  const results: UseAuthResult[] = [];
  await render(
    <AuthProvider client={client}>
      <Probe results={results} />
    </AuthProvider>,
  );
  return results;
}

describe('useAuth()', () => {
  it('derives isLoading, isAuthenticated, user and error from the snapshot and re-renders on a change', async () => {
    const client = new FakeClient();
    const results = await renderUseAuth(client);
    expect(results.at(-1)).toMatchObject({ isLoading: true, isAuthenticated: false, user: undefined });

    await update(() => client.set({ status: 'authenticated', user: alice }));
    expect(results.at(-1)).toMatchObject({ isLoading: false, isAuthenticated: true, user: alice });

    await update(() => client.set({ status: 'unauthenticated', user: undefined, error: accessDenied }));
    expect(results.at(-1)).toMatchObject({ isLoading: false, isAuthenticated: false, error: accessDenied });
  });

  it('does not re-render while the snapshot keeps its reference', async () => {
    const client = new FakeClient();
    const results = await renderUseAuth(client);
    const renders = results.length;
    await update(() => {
      for (const listener of client.listeners) listener();
    });
    expect(results.length).toBe(renders);
  });

  it('passes the client methods through, bound, with the auth0-react names and the client', async () => {
    const client = new FakeClient();
    const auth = (await renderUseAuth(client)).at(-1)!;
    const { loginWithRedirect, loginWithPopup, logout, getAccessTokenSilently, getAccessTokenWithPopup } =
      auth;

    await loginWithRedirect({ appState: { returnTo: '/a' } });
    await loginWithPopup({ authorizationParams: { screen_hint: 'signup' } });
    expect(await getAccessTokenSilently({ authorizationParams: { audience: 'api' } })).toBe('access-token');
    expect(await getAccessTokenWithPopup()).toBe('popup-token');
    await update(() => logout({ openUrl: false }));
    expect(client.calls).toEqual([
      { method: 'checkSession', args: [] },
      { method: 'loginWithRedirect', args: [{ appState: { returnTo: '/a' } }] },
      { method: 'loginWithPopup', args: [{ authorizationParams: { screen_hint: 'signup' } }] },
      { method: 'getTokenSilently', args: [{ authorizationParams: { audience: 'api' } }] },
      { method: 'getTokenWithPopup', args: [] },
      { method: 'logout', args: [{ openUrl: false }] },
    ]);
    expect(auth.client).toBe(client);
    expect(auth.getTokenSilently).toBe(auth.getAccessTokenSilently);
  });

  it('passes through methods the binding does not name, such as ones the core adds later', async () => {
    const client = Object.assign(new FakeClient(), {
      loginWithPassword(this: FakeClient, username: string) {
        this.calls.push({ method: 'loginWithPassword', args: [username] });
      },
    });
    const auth = (await renderUseAuth(client)).at(-1) as UseAuthResult & {
      loginWithPassword(u: string): void;
    };
    const { loginWithPassword } = auth;
    loginWithPassword('alice');
    expect(client.count('loginWithPassword')).toBe(1);
  });

  it('keeps the methods stable across snapshot changes', async () => {
    const client = new FakeClient();
    const results = await renderUseAuth(client);
    await update(() => client.set({ status: 'unauthenticated' }));
    expect(results[0]!.logout).toBe(results.at(-1)!.logout);
  });

  it('throws outside <AuthProvider>', async () => {
    const error = console.error;
    console.error = () => {};
    try {
      await expect(render(<Lonely />)).rejects.toThrow('inside <AuthProvider>');
    } finally {
      console.error = error;
    }
  });
});

describe('useAuthSuspense()', () => {
  it('suspends while loading, then renders with the settled state', async () => {
    const client = new FakeClient();
    const { container } = await render(
      <AuthProvider client={client}>
        <Suspense fallback={<p>fallback</p>}>
          <Profile />
        </Suspense>
      </AuthProvider>,
    );
    expect(container.textContent).toBe('fallback');
    await update(() => client.set({ status: 'authenticated', user: alice }));
    expect(container.textContent).toBe('Alice');
  });
});
