/**
 * `@sesame/vue/auth0`: auth0-vue's API on Sesame. Change `from '@auth0/auth0-vue'` to
 * `from '@sesame/vue/auth0'`; the README's migration guide lists the few differences.
 *
 * @packageDocumentation
 */
export {
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
  type RedirectLoginOptions,
  type RedirectLoginResult,
  type RevokeRefreshTokenOptions,
  TimeoutError,
  User,
} from '@sesame/core/auth0';
export { type AuthGuardOptions, authGuard, createAuthGuard } from './authGuard.js';
export {
  type AppState,
  AUTH0_INJECTION_KEY,
  AUTH0_TOKEN,
  type Auth0Plugin,
  type Auth0PluginOptions,
  type Auth0VueClient,
  type Auth0VueClientOptions,
  createAuth0,
} from './createAuth0.js';
export { useAuth0 } from './useAuth0.js';
