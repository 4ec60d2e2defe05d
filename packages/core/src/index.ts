/**
 * `@sesame/core`: the framework-agnostic session engine — `createAuthClient()` (login by redirect
 * or popup, tokens from the store, refresh tokens or the silent iframe, logout in every tab), its
 * auth-state store, `AuthError`, and the types. See the README and ARCHITECTURE.md.
 *
 * @packageDocumentation
 */
export { bindMethods, type ClientMethods } from './bindMethods.js';
export { createAuthClient } from './createAuthClient.js';
export { AuthError, type AuthErrorCode } from './errors/AuthError.js';
export { MfaRequiredError } from './errors/MfaRequiredError.js';
export type {
  AuthClient,
  AuthClientOptions,
  AuthListener,
  AuthLock,
  AuthorizationParams,
  AuthSnapshot,
  AuthStorage,
  DpopOption,
  GetTokenSilentlyOptions,
  IdTokenClaims,
  LogoutOptions,
  PopupConfigOptions,
  PopupLoginOptions,
  RedirectLoginOptions,
  RedirectLoginResult,
  TokenResponse,
  User,
} from './types.js';
