// Type-only test (checked by `pnpm typecheck`, never run): for each name `@sesame/react/auth0`
// claims, code written against @auth0/auth0-react's declarations compiles against ours.
// Inputs (props, options) — the official type is assignable to ours, minus the options listed
// as unsupported. Outputs (hook results, errors) — ours is assignable to the official type.
// A failing line reads "Type 'false' does not satisfy the constraint 'true'".
import type * as Official from '@auth0/auth0-react';
import type { FC } from 'react';
import type * as Ours from '../index.js';

type Extends<A, B> = [A] extends [B] ? true : false;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Check<T extends true> = T;

// Options Sesame refuses (typed `never`, a TypeError at run time), and what is not comparable:
// a ready auth0-spa-js `client`, per-audience scope objects, an async clock, the context type.
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
  | 'authorizationParams'
  | 'context'
  | 'client';

// What useAuth0() gives that we claim; the rest of auth0-react's interface is not offered.
type Claimed =
  | 'error'
  | 'isAuthenticated'
  | 'isLoading'
  | 'user'
  | 'getAccessTokenSilently'
  | 'getAccessTokenWithPopup'
  | 'getIdTokenClaims'
  | 'loginWithRedirect'
  | 'loginWithPopup'
  | 'logout'
  | 'revokeRefreshToken';

type HandleRedirectCallback = Ours.Auth0ContextInterface['handleRedirectCallback'];
type OfficialHandleRedirectCallback = Official.Auth0ContextInterface['handleRedirectCallback'];
type GetToken = Ours.Auth0ContextInterface['getAccessTokenSilently'];

export type Checks = [
  // <Auth0Provider>: every supported prop an auth0-react app passes.
  Check<
    Extends<
      Omit<Official.Auth0ProviderWithConfigOptions, Unsupported>,
      Omit<Ours.Auth0ProviderOptions, 'authorizationParams' | 'context'>
    >
  >,
  Check<Extends<Omit<Official.AuthorizationParams, 'scope'> & { scope?: string }, Ours.AuthorizationParams>>,
  Check<Extends<Official.AppState, Ours.AppState>>,
  Check<Equal<Official.CacheLocation, Ours.CacheLocation>>,
  Check<Extends<Official.ICache, Ours.ICache>>,
  // ... and the unsupported ones fail type checking.
  Check<Equal<Extends<{ domain: 'd'; clientId: 'c'; useDpop: true }, Ours.Auth0ProviderOptions>, false>>,
  Check<Equal<Extends<{ domain: 'd'; clientId: 'c'; issuer: 'i' }, Ours.Auth0ProviderOptions>, false>>,
  Check<Equal<Extends<{ client: object }, Ours.Auth0ProviderOptions>, false>>,
  // useAuth0(): the state and the methods we claim, and their options.
  Check<Extends<Pick<Ours.Auth0ContextInterface, Claimed>, Pick<Official.Auth0ContextInterface, Claimed>>>,
  Check<Extends<ReturnType<typeof Ours.useAuth0>, Pick<ReturnType<typeof Official.useAuth0>, Claimed>>>,
  // ... and the members Sesame does not offer are typed never (calling one fails type checking).
  Check<Equal<Ours.Auth0ContextInterface['mfa'], never>>,
  Check<Equal<Ours.Auth0ContextInterface['createFetcher'], never>>,
  Check<Extends<Parameters<OfficialHandleRedirectCallback>, Parameters<HandleRedirectCallback>>>,
  // (the callback's result lacks auth0-spa-js's `response_type` enum)
  Check<Extends<Awaited<ReturnType<HandleRedirectCallback>>, { appState?: Official.AppState }>>,
  Check<Extends<Official.GetTokenSilentlyOptions, Ours.GetTokenSilentlyOptions>>,
  Check<Extends<Official.GetTokenWithPopupOptions, Ours.GetTokenWithPopupOptions>>,
  Check<Extends<Official.PopupConfigOptions, Ours.PopupConfigOptions>>,
  Check<Extends<Official.PopupLoginOptions, Ours.PopupLoginOptions>>,
  Check<Extends<Official.RedirectLoginOptions, Ours.RedirectLoginOptions>>,
  Check<Extends<Official.LogoutOptions, Ours.LogoutOptions>>,
  Check<Extends<Ours.IdToken, Official.IdToken>>,
  Check<Extends<Official.IdToken, Ours.IdToken>>,
  Check<Extends<Ours.User, Official.User>>,
  Check<Extends<Official.User, Ours.User>>,
  // (cache-only resolves undefined, as auth0-spa-js does at run time; its type says string)
  Check<Extends<ReturnType<GetToken>, ReturnType<Official.Auth0ContextInterface['getAccessTokenSilently']>>>,
  // Auth0Context and useAuth0 with a context of one's own.
  Check<Extends<Parameters<typeof Ours.useAuth0>[0], Parameters<typeof Ours.withAuth0>[1]>>,
  // withAuth0 and withAuthenticationRequired.
  Check<
    Extends<Pick<Ours.WithAuth0Props['auth0'], Claimed>, Pick<Official.WithAuth0Props['auth0'], Claimed>>
  >,
  Check<
    Extends<
      Omit<Official.WithAuthenticationRequiredOptions, 'context'>,
      Ours.WithAuthenticationRequiredOptions
    >
  >,
  Check<Equal<ReturnType<typeof Ours.withAuthenticationRequired<{ id: string }>>, FC<{ id: string }>>>,
  // The error classes: auth0-spa-js's fields and hierarchy, and its constructor parameters.
  Check<Extends<Ours.GenericError, Official.GenericError>>,
  Check<Extends<Ours.AuthenticationError, Official.AuthenticationError>>,
  Check<Extends<Ours.TimeoutError, Official.TimeoutError>>,
  Check<Extends<Ours.PopupTimeoutError, Official.PopupTimeoutError>>,
  Check<Extends<Ours.PopupTimeoutError, Ours.TimeoutError>>,
  Check<Extends<Ours.PopupCancelledError, Official.PopupCancelledError>>,
  Check<Extends<Ours.PopupOpenError, Official.PopupOpenError>>,
  Check<Extends<Ours.MfaRequiredError, Official.MfaRequiredError>>,
  Check<Extends<Ours.MissingRefreshTokenError, Official.MissingRefreshTokenError>>,
  Check<Extends<Ours.OAuthError, Official.OAuthError>>,
  Check<
    Extends<
      ConstructorParameters<typeof Official.GenericError>,
      ConstructorParameters<typeof Ours.GenericError>
    >
  >,
  Check<
    Extends<
      ConstructorParameters<typeof Official.AuthenticationError>,
      ConstructorParameters<typeof Ours.AuthenticationError>
    >
  >,
  Check<
    Extends<
      ConstructorParameters<typeof Official.MfaRequiredError>,
      ConstructorParameters<typeof Ours.MfaRequiredError>
    >
  >,
  Check<
    Extends<
      ConstructorParameters<typeof Official.MissingRefreshTokenError>,
      ConstructorParameters<typeof Ours.MissingRefreshTokenError>
    >
  >,
  Check<
    Extends<ConstructorParameters<typeof Official.OAuthError>, ConstructorParameters<typeof Ours.OAuthError>>
  >,
  Check<
    Extends<
      ConstructorParameters<typeof Official.PopupTimeoutError>,
      ConstructorParameters<typeof Ours.PopupTimeoutError>
    >
  >,
  Check<
    Extends<
      ConstructorParameters<typeof Official.PopupCancelledError>,
      ConstructorParameters<typeof Ours.PopupCancelledError>
    >
  >,
];
