import { resolveConfig } from './config/resolveConfig.js';
import type { ClientContext } from './context.js';
import type { DpopProofs } from './dpop/dpopProofs.js';
import { AuthError } from './errors/AuthError.js';
import { toAuthError } from './errors/toAuthError.js';
import { createTokenGetter } from './flows/getTokenSilently.js';
import { logout } from './flows/logout.js';
import { popupLogin } from './flows/popup.js';
import { handleRedirectCallback, loginWithRedirect } from './flows/redirect.js';
import { registerContext } from './internal.js';
import { webLock } from './lock/webLock.js';
import { resolveServer } from './server/resolveServer.js';
import { createAuthStore } from './state/createAuthStore.js';
import { createTokenStore, tokenKey } from './storage/createTokenStore.js';
import { idbStorage } from './storage/idbStorage.js';
import { memoryStorage } from './storage/memoryStorage.js';
import { sessionHint } from './storage/sessionHint.js';
import { createBroadcastSync, type SyncMessage } from './sync/createBroadcastSync.js';
import { toIdTokenClaims } from './tokens/acceptTokens.js';
import { createIdTokenVerifier, JWKS_KEY } from './tokens/verifyIdToken.js';
import { createTransactionStore } from './transactions/createTransactionStore.js';
import type { AuthClient, AuthClientOptions, AuthStorage } from './types.js';

// Answers of silent authentication that mean "not signed in", not "something broke".
const SIGNED_OUT = new Set([
  'login_required',
  'consent_required',
  'interaction_required',
  'missing_refresh_token',
]);

/**
 * Creates a Sesame client. The options are checked and resolved once; the stored session is
 * read at once (the snapshot is `loading` until then) and needs no request when its access
 * token is still valid.
 *
 * @param options - See `AuthClientOptions`; `clientId` and one of `domain` / `issuer` are required.
 * @returns The client: the methods of `AuthClient` plus the auth-state store.
 * @throws {TypeError} naming the first bad option.
 * @example
 * const auth = createAuthClient({ domain: 'example.eu.auth0.com', clientId: 'abc' });
 * if (location.search.includes('state=')) await auth.handleRedirectCallback();
 * const token = await auth.getTokenSilently();
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  const config = resolveConfig(options);
  const idb = config.storage === 'indexeddb' ? idbStorage(config.clientId) : undefined;
  const storage = idb ?? (config.storage === 'memory' ? memoryStorage() : (config.storage as AuthStorage));
  // A session in memory ends with the page: a redirect login's transaction must go elsewhere.
  const durable = () => (idb ? !idb.inMemory() : config.storage !== 'memory');
  const hint = sessionHint(config.clientId);
  const sync = createBroadcastSync(config.clientId, (message) => void onSync(message).catch(() => undefined));
  let releaseCache: (() => void) | undefined;
  const tokens = createTokenStore(
    storage,
    {
      onFirst: () => {
        releaseCache = sync.hold();
      },
      onLast: () => releaseCache?.(),
    },
    hint,
  );
  // The session and the default tokens in one read, with the server's stored public documents
  // (keys `discovery` of server/discovery.ts, absent in Auth0 mode, and `jwks` of
  // tokens/verifyIdToken.ts; gets more in the same transaction): a start-up's first token, or its
  // first request in OIDC mode, needs no second read.
  const load = async () => {
    const [session, , ...documents] = await tokens.readBoth(
      tokenKey(config.authorizationParams.audience, config.authorizationParams.scope),
      undefined,
      ['discovery', JWKS_KEY],
    );
    store.publish(
      session
        ? { status: 'authenticated', user: session.user }
        : { status: 'unauthenticated', user: undefined },
    );
    return documents;
  };
  // Begun before the rest of the client is built, which runs while IndexedDB opens. Nothing it
  // publishes can arrive before this function has returned: a storage always answers later.
  const startup = load();
  async function onSync(message: SyncMessage) {
    tokens.forget();
    // With memory storage the other tab's store is not shared: clear this one too.
    if (message.type === 'logout') {
      ctx.server.dpop?.forget();
      await tokens.clear();
    }
    await load();
  }
  let releaseStore: (() => void) | undefined;
  const store = createAuthStore({
    onFirst: () => {
      releaseStore = sync.hold();
    },
    onLast: () => releaseStore?.(),
  });
  const lock = config.lock ?? webLock();
  const ctx: ClientContext = {
    config,
    server: resolveServer(config, config.dpop?.create(config, storage, lock) as DpopProofs | undefined, {
      storage,
      now: config.now,
      stored: startup.then(([discovery]) => discovery),
    }),
    tokens,
    transactions: createTransactionStore(storage, config.clientId, durable),
    store,
    sync,
    lock,
    verifyIdToken: createIdTokenVerifier(config.now, {
      storage,
      stored: startup.then(([, jwks]) => jwks),
    }),
  };
  const ready = startup.catch((error) =>
    store.publish({ status: 'unauthenticated', error: toAuthError(error) }),
  );
  const getToken = createTokenGetter(ctx);

  /** Runs a public operation after the first store read; a failure is also published as `error`. */
  const track = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      await ready;
      return await operation();
    } catch (error) {
      const authError = error instanceof TypeError ? error : toAuthError(error);
      if (authError instanceof AuthError) store.publish({ error: authError });
      throw authError;
    }
  };

  const client: AuthClient = {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    loginWithRedirect: async (opts) => {
      await ready;
      return loginWithRedirect(ctx, opts);
    },
    handleRedirectCallback: (url) => track(() => handleRedirectCallback(ctx, url)),
    // Not async before the popup opens: the browser allows it only within the user's gesture.
    loginWithPopup: (opts, popupConfig) => {
      const login = popupLogin(ctx, opts, popupConfig);
      return track(async () => void (await login));
    },
    getTokenWithPopup: (opts, popupConfig) => {
      const login = popupLogin(ctx, opts, popupConfig);
      return track(async () => (await login).access_token);
    },
    // No async function on the cache hit: this is the hot path of every API call.
    getTokenSilently: ((opts?: Parameters<AuthClient['getTokenSilently']>[0]) =>
      ready
        .then(() => getToken(opts))
        .then((response) =>
          opts?.detailedResponse ? response : response.access_token,
        )) as AuthClient['getTokenSilently'],
    checkSession: (opts) =>
      track(async () => {
        // No stored session and no sign-in here since the last logout: nothing to restore, no
        // iframe (a first visit settles at once, a misconfigured app does not wait for it). The
        // snapshot says whether the storage holds a session (the start-up read published it, and
        // every change since): no second read of a session that is not there.
        if (store.getSnapshot().status !== 'authenticated' && !(config.silentAuth && hint.has())) return;
        try {
          await getToken(opts);
        } catch (error) {
          if (!(error instanceof AuthError && SIGNED_OUT.has(error.code))) throw error;
          if (error.code === 'login_required') hint.clear();
        }
      }),
    isAuthenticated: async () => {
      await ready;
      return (await tokens.readSession()) !== undefined;
    },
    getUser: async () => {
      await ready;
      return (await tokens.readSession())?.user;
    },
    getIdTokenClaims: async () => {
      await ready;
      const session = await tokens.readSession();
      return session && toIdTokenClaims(session);
    },
    logout: async (opts) => {
      await ready;
      return logout(ctx, opts);
    },
  };
  return registerContext(client, ctx);
}
