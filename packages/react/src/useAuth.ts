import { type AuthClient, type AuthError, bindMethods, type ClientMethods, type User } from '@sesame/core';
import * as React from 'react';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { AuthContext, startups } from './AuthProvider.js';

/**
 * What {@link useAuth} returns: the auth state, and every method of the client bound to it.
 *
 * @example
 * type MyUser = User & { 'https://example.com/roles': string[] };
 * const { user }: UseAuthResult<MyUser> = useAuth<MyUser>();
 */
export type UseAuthResult<
  TUser extends User = User,
  TClient extends AuthClient = AuthClient,
> = ClientMethods<TClient> & {
  /** True until the stored session has been read and the provider's callback or session check is done. */
  isLoading: boolean;
  /** True when the snapshot's status is `authenticated`. */
  isAuthenticated: boolean;
  /** The signed-in user's claims, or `undefined` when signed out. */
  user: TUser | undefined;
  /** The last error of a login, callback or session check; cleared by the next success. */
  error: AuthError | undefined;
  /** auth0-react's name for `getTokenSilently`. */
  getAccessTokenSilently: AuthClient['getTokenSilently'];
  /** auth0-react's name for `getTokenWithPopup`. */
  getAccessTokenWithPopup: AuthClient['getTokenWithPopup'];
  /** The client of the nearest `<AuthProvider>` (e.g. for `withAuthenticationApi(client)` or `createFetcher(client, …)`). */
  client: TClient;
};

const bound = new WeakMap<AuthClient, ReturnType<typeof bindWithAliases>>();

function bindWithAliases(client: AuthClient) {
  const methods = bindMethods(client);
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

/** The client's bound methods, made once per client so that they are stable across renders. */
function boundOf(client: AuthClient) {
  let result = bound.get(client);
  if (!result) {
    result = bindWithAliases(client);
    bound.set(client, result);
  }
  return result;
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
 * // With the Authentication API's session methods, name the client's type:
 * const { passwordless } = useAuth<User, typeof client>(); // client = withAuthenticationApi(createAuthClient(…))
 */
export function useAuth<TUser extends User = User, TClient extends AuthClient = AuthClient>(): UseAuthResult<
  TUser,
  TClient
> {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth() must be used inside <AuthProvider>');
  const { client, starting } = context;
  const { methods, subscribe, getSnapshot } = boundOf(client);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return useMemo(
    () =>
      ({
        ...methods,
        isLoading: starting || snapshot.status === 'loading',
        isAuthenticated: snapshot.status === 'authenticated',
        user: snapshot.user as TUser | undefined,
        error: snapshot.error,
      }) as UseAuthResult<TUser, TClient>,
    [methods, snapshot, starting],
  );
}

const settled = new WeakMap<AuthClient, Promise<void>>();

/**
 * Resolves once the provider's start-up is done and the status is no longer `loading`.
 * One promise per client, as Suspense needs a stable promise across retries.
 */
function whenSettled(client: AuthClient): Promise<void> {
  let promise = settled.get(client);
  if (!promise) {
    const statusSettled = new Promise<void>((resolve) => {
      const check = () => {
        if (client.getSnapshot().status === 'loading') return;
        unsubscribe();
        resolve();
      };
      const unsubscribe = client.subscribe(check);
      check(); // the status may have changed between the render and this subscription
    });
    promise = Promise.all([startups.get(client), statusSettled]).then(() => {
      settled.delete(client);
    });
    settled.set(client, promise);
  }
  return promise;
}

/**
 * Like {@link useAuth}, but suspends while `isLoading`, so the nearest
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
