import { StrictMode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { alice, FakeClient } from '../../../../test-support/FakeClient.js';
import { AuthProvider } from '../AuthProvider.js';
import { RequireAuth, withAuthenticationRequired } from '../RequireAuth.js';
import { render, update } from './render.js';

function Account({ title }: { title: string }) {
  return <p>{title}</p>;
}
const ProtectedAccount = withAuthenticationRequired(Account, { onRedirecting: () => <p>redirecting</p> });

describe('withAuthenticationRequired() and <RequireAuth>', () => {
  let client: FakeClient;
  beforeEach(() => {
    client = new FakeClient();
    window.history.replaceState(null, '', '/account?tab=2');
  });

  it('waits for loading, then sends a signed-out user to the login with returnTo = path + query, once', async () => {
    const { container } = await render(
      <StrictMode>
        <AuthProvider client={client}>
          <ProtectedAccount title="my account" />
        </AuthProvider>
      </StrictMode>,
    );
    expect(container.textContent).toBe('redirecting');
    expect(client.count('loginWithRedirect')).toBe(0);

    await update(() => client.set({ status: 'unauthenticated' }));
    expect(container.textContent).toBe('redirecting');
    expect(client.calls.filter((c) => c.method === 'loginWithRedirect')).toEqual([
      { method: 'loginWithRedirect', args: [{ appState: { returnTo: '/account?tab=2' } }] },
    ]);
  });

  it('renders the component with its props for a signed-in user and never redirects', async () => {
    client.snapshot = { status: 'authenticated', user: alice, error: undefined };
    const { container } = await render(
      <AuthProvider client={client}>
        <ProtectedAccount title="my account" />
      </AuthProvider>,
    );
    expect(container.textContent).toBe('my account');
    expect(client.count('loginWithRedirect')).toBe(0);
  });

  it('merges loginOptions and an explicit returnTo', async () => {
    client.snapshot = { status: 'unauthenticated', user: undefined, error: undefined };
    const { container } = await render(
      <AuthProvider client={client}>
        <RequireAuth
          returnTo="/billing"
          loginOptions={{ authorizationParams: { screen_hint: 'signup' }, appState: { plan: 'pro' } }}
        >
          <p>secret</p>
        </RequireAuth>
      </AuthProvider>,
    );
    expect(container.textContent).toBe('');
    expect(client.calls.find((c) => c.method === 'loginWithRedirect')?.args).toEqual([
      { authorizationParams: { screen_hint: 'signup' }, appState: { plan: 'pro', returnTo: '/billing' } },
    ]);
  });

  it('redirects again after a sign-out that stays on the page', async () => {
    client.snapshot = { status: 'authenticated', user: alice, error: undefined };
    await render(
      <AuthProvider client={client}>
        <RequireAuth>
          <p>secret</p>
        </RequireAuth>
      </AuthProvider>,
    );
    await update(() => client.set({ status: 'unauthenticated', user: undefined }));
    expect(client.count('loginWithRedirect')).toBe(1);
  });
});

describe('<RequireAuth> on the callback page', () => {
  it('does not start a new login while the callback is being handled', async () => {
    window.history.replaceState(null, '', '/account?code=abc&state=xyz');
    const client = new FakeClient();
    let finish!: () => void;
    client.callback = async () => {
      client.set({ status: 'unauthenticated' });
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      client.set({ status: 'authenticated', user: alice });
      return { appState: { returnTo: '/account' } };
    };
    const { container } = await render(
      <AuthProvider client={client}>
        <ProtectedAccount title="my account" />
      </AuthProvider>,
    );
    expect(container.textContent).toBe('redirecting');
    await update(() => finish());
    expect(container.textContent).toBe('my account');
    expect(client.count('loginWithRedirect')).toBe(0);
    expect(window.location.pathname).toBe('/account');
  });
});
