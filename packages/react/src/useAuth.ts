import type { AuthClient, AuthError, User } from '@sesame/core';
import * as React from 'react';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { AuthContext } from './AuthProvider.js';
import { bindClient, type ClientMethods } from './bindClient.js';

/** What {@link useAuth} returns: the auth state, and every method of the client bound to it. */
export type UseAuthResult<TUser extends User = User> = ClientMethods & {
  /** True until the core has read the stored session (and handled a redirect callback). */
  isLoading: boolean;
  isAuthenticated: boolean;
  user: TUser | undefined;
  /** The last error of a login, callback or session check; cleared by the next success. */
  error: AuthError | undefined;
  /** auth0-react's name for `getTokenSilently`. */
  getAccessTokenSilently: AuthClient['getTokenSilently'];
  /** auth0-react's name for `getTokenWithPopup`. */
  getAccessTokenWithPopup: AuthClient['getTokenWithPopup'];
  client: AuthClient;
};

const bound = new WeakMap<AuthClient, ReturnType<typeof bindWithAliases>>();

function bindWithAliases(client: AuthClient) {
  const methods = bindClient(client);
  return {
    methods: {
      ...methods,
      getAccessTokenSilently: methods.getTokenSilently,
      getAccessTokenWithPopup: methods.getTokenWithPopup,
      client,
    },
    subscribe: client.subscribe.bind(client),
    getSnapshot: client.getSnapshot.bind(client),
  };
}

function useBound() {
  const client = useContext(AuthContext);
  if (!client) throw new Error('useAuth() must be used inside <AuthProvider>');
  let methods = bound.get(client);
  if (!methods) {
    methods = bindWithAliases(client);
    bound.set(client, methods);
  }
  return methods;
}

/**
 * The auth state of the nearest `<AuthProvider>` and the client's methods. Re-renders when
 * the core publishes a new snapshot (through `useSyncExternalStore`); the methods are stable.
 *
 * @throws Error outside an `<AuthProvider>`.
 * @example
 * function Profile() {
 *   const { isLoading, isAuthenticated, user, loginWithRedirect, logout } = useAuth();
 *   if (isLoading) return <p>Loading…</p>;
 *   return isAuthenticated
 *     ? <button onClick={() => logout()}>Sign out {user?.name}</button>
 *     : <button onClick={() => loginWithRedirect()}>Sign in</button>;
 * }
 */
export function useAuth<TUser extends User = User>(): UseAuthResult<TUser> {
  const { methods, subscribe, getSnapshot } = useBound();
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return useMemo(
    () => ({
      ...methods,
      isLoading: snapshot.status === 'loading',
      isAuthenticated: snapshot.status === 'authenticated',
      user: snapshot.user as TUser | undefined,
      error: snapshot.error,
    }),
    [methods, snapshot],
  );
}

const settled = new WeakMap<AuthClient, Promise<void>>();

/** Resolves once the client's status is no longer `loading`; one promise per client, as Suspense needs. */
function whenSettled(client: AuthClient): Promise<void> {
  let promise = settled.get(client);
  if (!promise) {
    promise = new Promise<void>((resolve) => {
      const check = () => {
        if (client.getSnapshot().status === 'loading') return;
        unsubscribe();
        settled.delete(client);
        resolve();
      };
      const unsubscribe = client.subscribe(check);
      check(); // the status may have changed between the render and this subscription
    });
    settled.set(client, promise);
  }
  return promise;
}

/**
 * Like {@link useAuth}, but suspends while the status is `loading`, so the nearest
 * `<Suspense>` shows its fallback instead of the component checking `isLoading`.
 * Uses React 19's `use()`; on React 18 it throws the promise, which Suspense also accepts.
 *
 * @example
 * <Suspense fallback={<Spinner />}><Profile /></Suspense>
 * function Profile() {
 *   const { user } = useAuthSuspense(); // never loading here
 *   return <p>{user?.name ?? 'Signed out'}</p>;
 * }
 */
export function useAuthSuspense<TUser extends User = User>(): UseAuthResult<TUser> {
  const auth = useAuth<TUser>();
  if (auth.isLoading) {
    const promise = whenSettled(auth.client);
    if (typeof React.use === 'function') React.use(promise);
    else throw promise;
  }
  return auth;
}
