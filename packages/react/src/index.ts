/**
 * `@sesame/react`: `<AuthProvider>`, `useAuth()`, `useAuthSuspense()`, `<RequireAuth>` and
 * `withAuthenticationRequired` on the core's store, and the core's types and errors.
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
export { type AppState, AuthProvider, type AuthProviderProps } from './AuthProvider.js';
export { RequireAuth, type RequireAuthOptions, withAuthenticationRequired } from './RequireAuth.js';
export { type UseAuthResult, useAuth, useAuthSuspense } from './useAuth.js';
