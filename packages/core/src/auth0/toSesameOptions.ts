import type { AuthClientOptions, AuthStorage } from '../types.js';
import type { Auth0ClientOptions, ICache } from './types.js';

/**
 * Throws a `TypeError` for the first option of `given` listed in `unsupported` whose value is
 * set (neither `undefined` nor `false`), with the Sesame way as the message.
 */
export function refuse(given: object | undefined, unsupported: Record<string, string>, where: string): void {
  for (const [name, sesameWay] of Object.entries(unsupported)) {
    const value: unknown = given && Reflect.get(given, name);
    if (value !== undefined && value !== false) {
      throw new TypeError(`"${where}.${name}" is not supported by Sesame: ${sesameWay}`);
    }
  }
}

const UNSUPPORTED_OPTIONS: Record<string, string> = {
  issuer:
    'the issuer is https://{domain}/; for another OpenID Connect provider use the issuer option of @sesame/react or @sesame/vue',
  useDpop: 'DPoP is not available yet; omit the option',
  useMrrt: 'a refresh token is kept per audience and scope; omit the option',
  refreshTokenMode: 'it needs DPoP; omit the option',
  interactiveErrorHandler:
    'catch MfaRequiredError and continue with withAuthenticationApi(client).mfa from @sesame/core/authentication',
  anonymousSessionsCacheMode: 'there are no anonymous sessions; omit the option',
  createAnonymousSessionOnFailedSilentAuth: 'there are no anonymous sessions; omit the option',
  sessionTransferTokenQueryParamName: 'pass session_transfer_token in authorizationParams yourself',
  enterpriseConnect: 'pass connection in authorizationParams',
  client:
    "a ready auth0-spa-js client cannot drive Sesame: pass its options (domain, clientId, ...); for a Sesame client of your own, use @sesame/react's AuthProvider or @sesame/vue's createAuth with client",
};

/** auth0-spa-js's per-audience scope objects; Sesame keeps one client-wide scope string. */
function checkScope(params: Auth0ClientOptions['authorizationParams']): void {
  if (params?.scope !== undefined && typeof params.scope !== 'string') {
    throw new TypeError(
      '"options.authorizationParams.scope" must be a string in Sesame: ask for an API\'s scope with getAccessTokenSilently({ authorizationParams: { audience, scope } })',
    );
  }
}

/** A Sesame store on an auth0-spa-js `ICache`; `clear()` (logout) removes every key it lists. */
function cacheStorage(cache: ICache): AuthStorage {
  if (typeof cache.allKeys !== 'function') {
    throw new TypeError('"options.cache" must have allKeys(), so that logout() can remove every entry');
  }
  return {
    get: async (key) => cache.get(key),
    set: async (key, value) => cache.set(key, value),
    del: async (key) => cache.remove(key),
    clear: async () => {
      for (const key of (await cache.allKeys?.()) ?? []) await cache.remove(key);
    },
  };
}

function storageOf(options: Auth0ClientOptions): AuthClientOptions['storage'] {
  if (options.cache) return cacheStorage(options.cache);
  const location = options.cacheLocation ?? 'memory';
  if (location !== 'memory' && location !== 'localstorage') {
    throw new TypeError('"options.cacheLocation" must be "memory" or "localstorage"');
  }
  // No token goes to localStorage (security property 8): IndexedDB keeps what it was for,
  // a session that survives reloads and is shared by tabs. `memory` is the core's memory
  // storage, and with it the core's rule for a redirect login's transaction: it must outlive
  // the navigation, so it goes to this tab's sessionStorage until the callback takes it.
  return location === 'localstorage' ? 'indexeddb' : 'memory';
}

function clockOf(nowProvider: Auth0ClientOptions['nowProvider']): AuthClientOptions['now'] {
  if (nowProvider === undefined) return undefined;
  if (typeof nowProvider !== 'function') throw new TypeError('"options.nowProvider" must be a function');
  if (typeof nowProvider() !== 'number') {
    throw new TypeError('"options.nowProvider" must return a number: Sesame reads its clock synchronously');
  }
  return nowProvider;
}

/**
 * auth0-spa-js client options → Sesame client options, with **auth0's defaults**: tokens in
 * memory, refresh tokens off (so renewal uses the `prompt=none` iframe), and with refresh
 * tokens on, no iframe fallback unless `useRefreshTokensFallback`. Cookie, worker and
 * request-format options are ignored (Sesame has none of those); unsupported ones throw.
 *
 * @throws {TypeError} naming an unsupported option and the Sesame way; or a bad option, as `createAuthClient()`.
 * @example
 * const client = createAuthClient(toSesameOptions({ domain: 'example.eu.auth0.com', clientId: 'abc' }));
 */
export function toSesameOptions(options: Auth0ClientOptions): AuthClientOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  refuse(options, UNSUPPORTED_OPTIONS, 'options');
  checkScope(options.authorizationParams);
  const useRefreshTokens = options.useRefreshTokens ?? false;
  return {
    domain: options.domain,
    clientId: options.clientId,
    // auth0-spa-js allows `max_age` as a string; the core sends every parameter as text.
    authorizationParams: options.authorizationParams as AuthClientOptions['authorizationParams'],
    useRefreshTokens,
    silentAuth: !useRefreshTokens || (options.useRefreshTokensFallback ?? false),
    leeway: options.leeway,
    authorizeTimeoutInSeconds: options.authorizeTimeoutInSeconds,
    httpTimeoutInSeconds: options.httpTimeoutInSeconds,
    storage: storageOf(options),
    now: clockOf(options.nowProvider),
  };
}
