/**
 * `@sesame/core/auth0`: what the React and Vue compatibility entry points
 * (`@sesame/react/auth0`, `@sesame/vue/auth0`) share — auth0-spa-js's option and error
 * vocabulary mapped onto a Sesame client. No OAuth logic of its own.
 *
 * @packageDocumentation
 */
export { type Auth0Methods, auth0Methods, snapshotError } from './auth0Methods.js';
export {
  AuthenticationError,
  GenericError,
  MfaRequiredError,
  type MfaRequirements,
  MissingRefreshTokenError,
  OAuthError,
  PopupCancelledError,
  PopupOpenError,
  PopupTimeoutError,
  TimeoutError,
} from './errors.js';
export { type Auth0ErrorContext, toAuth0Error } from './toAuth0Error.js';
export { toSesameOptions } from './toSesameOptions.js';
export type {
  Auth0ClientOptions,
  AuthorizationParams,
  CacheLocation,
  GetTokenSilentlyOptions,
  GetTokenSilentlyVerboseResponse,
  GetTokenWithPopupOptions,
  ICache,
  IdToken,
  LogoutOptions,
  PopupConfigOptions,
  PopupLoginOptions,
  RedirectLoginOptions,
  RedirectLoginResult,
  RevokeRefreshTokenOptions,
} from './types.js';
export { User } from './User.js';
export { type Auth0UnsupportedMembers, withUnsupportedMembers } from './unsupportedMembers.js';
