import { type AuthClient, type AuthClientOptions, createAuthClient, type User } from '@sesame/core';
import { createContext, type ReactNode, useEffect, useMemo, useState } from 'react';

/**
 * The app state carried through a redirect login; `returnTo` is set by `<RequireAuth>`.
 *
 * @example
 * const onRedirectCallback = (appState?: AppState) => navigate(appState?.returnTo ?? '/');
 */
export interface AppState {
  /** The path to return to after the login; `withAuthenticationRequired` and `<RequireAuth>` set it to the protected page. */
  returnTo?: string;
  [key: string]: unknown;
}

/**
 * Props of {@link AuthProvider}: a ready `client`, or the core's options to create one with.
 *
 * @example
 * const props: AuthProviderProps = { client: createAuthClient(options), skipRedirectCallback: true };
 */
export type AuthProviderProps = {
  /** The app below the provider. */
  children?: ReactNode;
  /**
   * Called once the redirect callback has been handled, with the `appState` given to
   * `loginWithRedirect()` and the signed-in user. Default: `history.replaceState` to
   * `appState.returnTo` when there is one. Pass your router's navigation here.
   */
  onRedirectCallback?: (appState: AppState | undefined, user: User | undefined) => void;
  /** Do not treat `code`/`error` + `state` in the URL as a Sesame callback (e.g. another OAuth flow's). */
  skipRedirectCallback?: boolean;
} & (
  | {
      /** A client made by `createAuthClient()`; create it once, outside the component. */
      client: AuthClient;
    }
  | (AuthClientOptions & {
      /** Without a client, the provider creates one from the other props (the core's options). */
      client?: undefined;
    })
);

/** What `<AuthProvider>` shares: its client, and whether its start-up is still running. */
export interface AuthContextValue {
  /** The provider's client. */
  client: AuthClient;
  starting: boolean;
}

/** The client of the nearest `<AuthProvider>`. Read it with {@link useAuth}. */
export const AuthContext = createContext<AuthContextValue | undefined>(undefined);

// The start-up (callback or session check) of each client. Keyed by client rather than by
// component so that StrictMode's mount-unmount-mount, or a remount, never exchanges a code twice.
export const startups = new WeakMap<AuthClient, Promise<void>>();

/** True when the current URL looks like an authorization response: `state` and `code` or `error`. */
export function hasAuthParams(search = window.location.search): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

function defaultOnRedirectCallback(appState: AppState | undefined): void {
  if (typeof appState?.returnTo === 'string') window.history.replaceState(null, '', appState.returnTo);
}

/**
 * Makes a Sesame client available to {@link useAuth} and starts it: on the first mount it
 * handles the redirect callback when the URL carries one, otherwise it calls `checkSession()`.
 * Either happens once per client, also under `<StrictMode>`, and `isLoading` stays true until
 * it is done. Errors are published by the core in the snapshot's `error` (read it with
 * `useAuth().error`). Props are read on the first mount: changing them later does not create
 * a new client.
 *
 * @example
 * createRoot(el).render(
 *   <AuthProvider domain="example.eu.auth0.com" clientId="abc"
 *     authorizationParams={{ redirect_uri: location.origin }}
 *     onRedirectCallback={(appState) => navigate(appState?.returnTo ?? '/')}>
 *     <App />
 *   </AuthProvider>,
 * );
 */
export function AuthProvider(props: AuthProviderProps): ReactNode {
  const { children, onRedirectCallback = defaultOnRedirectCallback, skipRedirectCallback, ...rest } = props;
  const [client] = useState(() => rest.client ?? createAuthClient(rest as AuthClientOptions));
  // The core leaves `loading` once the stored session is read, before a callback or a silent
  // session check is done; until then a signed-out snapshot is not final, so isLoading stays true.
  const [starting, setStarting] = useState(true);

  // Like the client options, the start-up options are read on the first mount only.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    let startup = startups.get(client);
    if (!startup) {
      // Their rejections are dropped here because the core publishes them as the snapshot's
      // `error`; an exception of `onRedirectCallback` is not dropped. The callback URL is read
      // now, as a router may change the address before the core gets to it.
      startup =
        !skipRedirectCallback && hasAuthParams()
          ? client.handleRedirectCallback<AppState>(window.location.href).then(
              ({ appState }) => onRedirectCallback(appState, client.getSnapshot().user),
              () => {},
            )
          : client.checkSession().catch(() => {});
      startups.set(client, startup);
    }
    startup.finally(() => setStarting(false));
  }, [client]);

  const value = useMemo(() => ({ client, starting }), [client, starting]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
