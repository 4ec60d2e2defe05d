/**
 * `@sesame/vue`: the `createAuth()` plugin, `useAuth()`, `createAuthGuard()` for vue-router, and the
 * core's types and errors.
 *
 * @packageDocumentation
 */
export type { ClientMethods } from '@sesame/core';
// The core's public types and errors, so an app needs no direct dependency on @sesame/core.
export {
  type AuthClient,
  type AuthClientOptions,
  AuthError,
  type AuthErrorCode,
  type AuthLock,
  type AuthorizationParams,
  type AuthSnapshot,
  type AuthStorage,
  type GetTokenSilentlyOptions,
  type IdTokenClaims,
  type LogoutOptions,
  MfaRequiredError,
  type PopupConfigOptions,
  type PopupLoginOptions,
  type RedirectLoginOptions,
  type RedirectLoginResult,
  type TokenResponse,
  type User,
} from '@sesame/core';
export type { AuthState } from './authState.js';
export { type AppState, AUTH_KEY, type Auth, type CreateAuthOptions, createAuth } from './createAuth.js';
export { createAuthGuard } from './createAuthGuard.js';
export { type UseAuthResult, useAuth } from './useAuth.js';
