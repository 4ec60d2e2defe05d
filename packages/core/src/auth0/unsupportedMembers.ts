const TOKEN_EXCHANGE =
  'call tokenExchangeGrant() from @sesame/core/authentication (it returns the tokens and does not sign the user in)';
const DPOP =
  "turn DPoP on with Sesame's own provider (dpop() from @sesame/core/dpop) and call APIs through createFetcher() from @sesame/core/fetcher, which signs the proofs and handles the nonces";

/**
 * The members of auth0-react's `useAuth0()` and auth0-vue's `$auth0` that Sesame does not
 * offer, each with the Sesame way. `client` is the Sesame client: `useAuth().client` from
 * `@sesame/react` or `@sesame/vue` (their `useAuth()` works below the auth0 provider/plugin).
 */
const UNSUPPORTED_MEMBERS = {
  mfa: 'catch MfaRequiredError and continue with withAuthenticationApi(client).mfa from @sesame/core/authentication',
  passkey: 'Sesame has no passkey API; let the login page at /authorize offer passkeys (loginWithRedirect)',
  myAccount:
    'Sesame has no My Account API client; call the API with createFetcher() from @sesame/core/fetcher',
  anonymous: 'Sesame has no anonymous sessions',
  loginWithCustomTokenExchange: TOKEN_EXCHANGE,
  customTokenExchange: TOKEN_EXCHANGE,
  exchangeToken: TOKEN_EXCHANGE,
  connectAccountWithRedirect:
    'Sesame has no Connected Accounts flow; log in with loginWithRedirect({ authorizationParams: { connection } })',
  getDpopNonce: DPOP,
  setDpopNonce: DPOP,
  generateDpopProof: DPOP,
  createFetcher: 'use createFetcher(client, { baseUrl, allowedOrigins }) from @sesame/core/fetcher',
  getConfiguration: 'the configuration is the options you passed to the provider or plugin',
} as const;

/**
 * auth0-react's and auth0-vue's members that Sesame does not offer: each is typed `never`, so
 * code that uses one fails type checking, and reading it throws a `TypeError` naming the
 * Sesame way (see {@link withUnsupportedMembers}).
 */
export interface Auth0UnsupportedMembers {
  /** Not supported: catch `MfaRequiredError` and continue with `withAuthenticationApi(client).mfa` from `@sesame/core/authentication`. */
  readonly mfa: never;
  /** Not supported: Sesame has no passkey API; the login page at `/authorize` can offer passkeys. */
  readonly passkey: never;
  /** Not supported: call the My Account API with `createFetcher()` from `@sesame/core/fetcher`. */
  readonly myAccount: never;
  /** Not supported: Sesame has no anonymous sessions. */
  readonly anonymous: never;
  /** Not supported: `tokenExchangeGrant()` from `@sesame/core/authentication` returns the tokens (no sign-in). */
  readonly loginWithCustomTokenExchange: never;
  /** Not supported: see {@link Auth0UnsupportedMembers.loginWithCustomTokenExchange}. */
  readonly customTokenExchange: never;
  /** Not supported: see {@link Auth0UnsupportedMembers.loginWithCustomTokenExchange}. */
  readonly exchangeToken: never;
  /** Not supported: Sesame has no Connected Accounts flow; log in with `authorizationParams.connection`. */
  readonly connectAccountWithRedirect: never;
  /** Not supported: with Sesame's `dpop()` option, `createFetcher()` handles DPoP nonces. */
  readonly getDpopNonce: never;
  /** Not supported: with Sesame's `dpop()` option, `createFetcher()` handles DPoP nonces. */
  readonly setDpopNonce: never;
  /** Not supported: with Sesame's `dpop()` option, `createFetcher()` signs the proofs. */
  readonly generateDpopProof: never;
  /** Not supported: `createFetcher(client, { baseUrl, allowedOrigins })` from `@sesame/core/fetcher`. */
  readonly createFetcher: never;
  /** Not supported: the configuration is the options you passed to the provider or plugin. */
  readonly getConfiguration: never;
}

/**
 * Adds {@link Auth0UnsupportedMembers} to `target` as getters that throw a `TypeError` naming
 * the Sesame way, e.g. `"useAuth0().mfa" is not supported by Sesame: catch MfaRequiredError …`.
 * They are not enumerable, so spreading or comparing `target` never reads them.
 *
 * @returns `target`, typed with the unsupported members.
 * @example
 * const context = withUnsupportedMembers({ ...auth0Methods(client), isLoading, isAuthenticated, user, error });
 */
export function withUnsupportedMembers<T extends object>(target: T): T & Auth0UnsupportedMembers {
  for (const [name, sesameWay] of Object.entries(UNSUPPORTED_MEMBERS)) {
    Object.defineProperty(target, name, {
      enumerable: false,
      get() {
        throw new TypeError(`"useAuth0().${name}" is not supported by Sesame: ${sesameWay}`);
      },
    });
  }
  return target as T & Auth0UnsupportedMembers;
}
