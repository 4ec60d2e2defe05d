/**
 * `@sesame/react/auth0`: auth0-react's API on Sesame. Change
 * `from '@auth0/auth0-react'` to `from '@sesame/react/auth0'`; the README's migration guide
 * lists the few differences.
 *
 * @packageDocumentation
 */
export {
  type Auth0ClientOptions,
  type Auth0UnsupportedMembers,
  AuthenticationError,
  type AuthorizationParams,
  type CacheLocation,
  GenericError,
  type GetTokenSilentlyOptions,
  type GetTokenSilentlyVerboseResponse,
  type GetTokenWithPopupOptions,
  type ICache,
  type IdToken,
  type LogoutOptions,
  MfaRequiredError,
  MissingRefreshTokenError,
  OAuthError,
  PopupCancelledError,
  type PopupConfigOptions,
  type PopupLoginOptions,
  PopupOpenError,
  PopupTimeoutError,
  type RedirectLoginResult,
  type RevokeRefreshTokenOptions,
  TimeoutError,
  User,
} from '@sesame/core/auth0';
export {
  type AppState,
  Auth0Context,
  type Auth0ContextInterface,
  initialContext,
  type RedirectLoginOptions,
} from './Auth0Context.js';
export { Auth0Provider, type Auth0ProviderOptions } from './Auth0Provider.js';
export { useAuth0 } from './useAuth0.js';
export { type WithAuth0Props, withAuth0 } from './withAuth0.js';
export {
  type WithAuthenticationRequiredOptions,
  withAuthenticationRequired,
} from './withAuthenticationRequired.js';
