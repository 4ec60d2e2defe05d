import type { Provider } from 'oidc-provider';
import type { Auth0Stores } from '../auth0Stores.js';
import type { ResolvedTenantConfig } from '../config/types.js';
import { mfaOobGrant, mfaOtpGrant, mfaRecoveryCodeGrant } from '../grants/mfaGrants.js';
import { passwordGrant, passwordRealmGrant } from '../grants/passwordGrants.js';
import { passwordlessOtpGrant } from '../grants/passwordlessOtpGrant.js';
import { tokenExchangeGrant } from '../tokenExchange/tokenExchangeGrant.js';
import type { UserStore } from '../users/UserStore.js';

/** A grant type the tenant adds to oidc-provider's token endpoint (`provider.registerGrantType`). */
export interface ExtraGrantType {
  /** The `grant_type` value, e.g. `http://auth0.com/oauth/grant-type/password-realm`. */
  name: string;
  /** Answers the token request; see oidc-provider's `registerGrantType`. */
  handler: Parameters<Provider['registerGrantType']>[1];
  /** The request parameters the grant reads (besides `grant_type`). */
  parameters?: string[];
  /** Parameters that may appear more than once. */
  duplicates?: string[];
}

/** What a grant type factory gets to build its handler. */
export interface GrantTypeServices {
  config: ResolvedTenantConfig;
  users: UserStore;
  /** The issuer, with a trailing slash. */
  issuer: string;
  /** Brute-force counters, passwordless codes, MFA state, outbox. */
  auth0: Auth0Stores;
}

/**
 * The extra grant types, registered on the provider at start: one factory per grant. The
 * place for Auth0's password-realm, MFA (otp, oob, recovery code) and passwordless OTP grants.
 */
export const extraGrantTypes: ((services: GrantTypeServices) => ExtraGrantType)[] = [
  passwordGrant,
  passwordRealmGrant,
  passwordlessOtpGrant,
  mfaOtpGrant,
  mfaOobGrant,
  mfaRecoveryCodeGrant,
  tokenExchangeGrant,
];
