/**
 * `@sesame/core/authentication`: one typed function per endpoint (and per `/oauth/token` grant)
 * of the Auth0 Authentication API, for browsers and Node 20+. Each takes `{ domain, clientId }`
 * plus the endpoint's fields under the API's names, checks its arguments (a `TypeError` naming
 * the bad one), sends the request the API specifies, and returns the typed answer or rejects with
 * an `AuthError` carrying the server's code. Nothing is stored: token responses are returned as
 * sent, for the session (or the app) to validate. Import only what you use; the session engine
 * (`@sesame/core`) does not import this module.
 *
 * @see https://auth0.com/docs/api/authentication
 * @packageDocumentation
 */
export { AuthError, type AuthErrorCode } from '../errors/AuthError.js';
export { MfaRequiredError } from '../errors/MfaRequiredError.js';
export {
  type ChangePasswordOptions,
  changePassword,
  type SignupOptions,
  type SignupProfile,
  type SignupResponse,
  signup,
} from './dbConnections.js';
export {
  type DeviceCodeGrantOptions,
  type DeviceCodeOptions,
  type DeviceCodeResponse,
  deviceCodeGrant,
  type PollDeviceTokenOptions,
  pollDeviceToken,
  requestDeviceCode,
} from './device.js';
export {
  type MfaAccessTokenOptions,
  type MfaAssociateOptions,
  type MfaAssociateResponse,
  type MfaAuthenticator,
  type MfaChallengeOptions,
  type MfaChallengeResponse,
  type MfaDeleteAuthenticatorOptions,
  mfaAssociate,
  mfaChallenge,
  mfaDeleteAuthenticator,
  mfaListAuthenticators,
} from './mfa.js';
export {
  type MfaGrantOptions,
  type MfaOobGrantOptions,
  type MfaOtpGrantOptions,
  type MfaRecoveryCodeGrantOptions,
  mfaOobGrant,
  mfaOtpGrant,
  mfaRecoveryCodeGrant,
} from './mfaGrants.js';
export {
  type AuthorizationCodeGrantOptions,
  authorizationCodeGrant,
  type ClientCredentialsGrantOptions,
  clientCredentialsGrant,
  type RefreshTokenGrantOptions,
  refreshTokenGrant,
  type TokenExchangeGrantOptions,
  tokenExchangeGrant,
} from './oauthGrants.js';
export {
  type PasswordGrantOptions,
  type PasswordRealmGrantOptions,
  passwordGrant,
  passwordRealmGrant,
} from './passwordGrants.js';
export {
  type PasswordlessOtpGrantOptions,
  type PasswordlessStartOptions,
  type PasswordlessStartResponse,
  passwordlessOtpGrant,
  passwordlessStart,
} from './passwordless.js';
export { type RegisterClientOptions, type RegisterClientResponse, registerClient } from './registerClient.js';
export { type RevokeRefreshTokenOptions, revokeRefreshToken } from './revoke.js';
export { getSamlMetadata, type SamlpUrlOptions, samlpUrl } from './saml.js';
export * from './session/withAuthenticationApi.js';
export type { GrantOptions, SecretGrantOptions } from './token.js';
export type {
  ClientAuthenticationOptions,
  ClientOptions,
  DomainOptions,
  TokenEndpointResponse,
} from './types.js';
export {
  type AuthorizeUrlOptions,
  authorizeUrl,
  type LogoutUrlOptions,
  logoutUrl,
  type OidcLogoutUrlOptions,
  oidcLogoutUrl,
  type UrlOptions,
} from './urls.js';
export { getUserInfo, type UserInfoOptions } from './userInfo.js';
export {
  getJwks,
  getOpenIdConfiguration,
  type JsonWebKeySet,
  type OpenIdConfiguration,
} from './wellKnown.js';
export { getWsFedMetadata, type WsFedUrlOptions, wsfedUrl } from './wsfed.js';
