// Checked with moduleResolution Bundler (tsconfig.officialTypes.json): auth0-vue's own declarations
// re-export without file extensions, which NodeNext does not resolve.
// Type-only test (checked by `pnpm typecheck`, never run): for each name `@sesame/vue/auth0`
// claims, code written against @auth0/auth0-vue's declarations compiles against ours.
// Inputs (options) — the official type is assignable to ours, minus the options listed as
// unsupported. Outputs (the client, guards, errors) — ours is assignable to the official type.
// A failing line reads "Type 'false' does not satisfy the constraint 'true'".
import type * as Spa from '@auth0/auth0-spa-js';
import type * as Official from '@auth0/auth0-vue';
import type { RouteLocation } from 'vue-router';
import type * as Ours from '../index.js';

type Extends<A, B> = [A] extends [B] ? true : false;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Check<T extends true> = T;

// Options Sesame refuses (typed `never`, a TypeError at run time), and what is not comparable:
// per-audience scope objects and an async clock.
type Unsupported =
  | 'issuer'
  | 'useDpop'
  | 'useMrrt'
  | 'refreshTokenMode'
  | 'interactiveErrorHandler'
  | 'anonymousSessionsCacheMode'
  | 'createAnonymousSessionOnFailedSilentAuth'
  | 'sessionTransferTokenQueryParamName'
  | 'enterpriseConnect'
  | 'nowProvider'
  | 'authorizationParams';

// What useAuth0() gives that we claim; the rest of auth0-vue's client is not offered.
type Claimed =
  | 'isLoading'
  | 'isAuthenticated'
  | 'user'
  | 'idTokenClaims'
  | 'error'
  | 'loginWithPopup'
  | 'loginWithRedirect'
  | 'checkSession'
  | 'getAccessTokenSilently'
  | 'getAccessTokenWithPopup'
  | 'logout';

type Client = Ours.Auth0VueClient;
type OfficialClient = Official.Auth0VueClient;

export type Checks = [
  // The members Sesame does not offer are typed never (using one fails type checking).
  Check<Equal<Client['mfa'], never>>,
  Check<Equal<Client['createFetcher'], never>>,
  Check<Equal<Client['generateDpopProof'], never>>,
  // createAuth0(clientOptions, pluginOptions)
  Check<
    Extends<
      Omit<Official.Auth0VueClientOptions, Unsupported>,
      Omit<Ours.Auth0VueClientOptions, 'authorizationParams'>
    >
  >,
  Check<Extends<Official.Auth0PluginOptions, Ours.Auth0PluginOptions>>,
  Check<Extends<Parameters<typeof Official.createAuth0>[1], Parameters<typeof Ours.createAuth0>[1]>>,
  Check<Extends<Official.AppState, Ours.AppState>>,
  Check<Equal<Extends<{ domain: 'd'; clientId: 'c'; useDpop: true }, Ours.Auth0VueClientOptions>, false>>,
  // The plugin, useAuth0() and $auth0
  Check<Extends<Pick<Client, Claimed>, Pick<OfficialClient, Claimed>>>,
  Check<
    Extends<
      Pick<ReturnType<typeof Ours.useAuth0>, Claimed>,
      Pick<ReturnType<typeof Official.useAuth0>, Claimed>
    >
  >,
  Check<
    Extends<
      Pick<ReturnType<typeof Ours.createAuth0>, Claimed | 'install'>,
      Pick<Official.Auth0Plugin, Claimed | 'install'>
    >
  >,
  Check<
    Extends<
      Parameters<OfficialClient['handleRedirectCallback']>,
      Parameters<Client['handleRedirectCallback']>
    >
  >,
  Check<Extends<Awaited<ReturnType<Client['handleRedirectCallback']>>, { appState?: Official.AppState }>>,
  Check<Extends<typeof Ours.AUTH0_INJECTION_KEY, symbol>>,
  Check<Extends<Spa.GetTokenSilentlyOptions, Ours.GetTokenSilentlyOptions>>,
  Check<Extends<Spa.RedirectLoginOptions, Ours.RedirectLoginOptions>>,
  Check<Extends<Official.LogoutOptions, Ours.LogoutOptions>>,
  Check<Extends<Ours.User, Official.User>>,
  Check<Extends<Official.User, Ours.User>>,
  // Guards in vue-router
  Check<Extends<typeof Ours.authGuard, typeof Official.authGuard>>,
  Check<Extends<Official.AuthGuardOptions, Ours.AuthGuardOptions>>,
  Check<Extends<ReturnType<typeof Ours.createAuthGuard>, (to: RouteLocation) => Promise<boolean>>>,
  Check<Extends<Parameters<typeof Official.createAuthGuard>[0], Parameters<typeof Ours.createAuthGuard>[0]>>,
  // Errors auth0-vue exports from auth0-spa-js
  Check<Extends<Ours.MfaRequiredError, Official.MfaRequiredError>>,
  Check<Extends<Ours.GenericError, Spa.GenericError>>,
  Check<Extends<Ours.TimeoutError, Spa.TimeoutError>>,
  Check<Extends<Ours.PopupCancelledError, Spa.PopupCancelledError>>,
  Check<Extends<Ours.PopupTimeoutError, Spa.PopupTimeoutError>>,
  Check<Extends<Ours.MissingRefreshTokenError, Spa.MissingRefreshTokenError>>,
  Check<Extends<Ours.AuthenticationError, Spa.AuthenticationError>>,
];
