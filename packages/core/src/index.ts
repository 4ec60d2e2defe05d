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
