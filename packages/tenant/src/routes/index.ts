import {
  dbChangePassword,
  dbChangePasswordPreflight,
  resetPasswordPage,
  resetPasswordSubmit,
} from '../dbconnections/changePassword.js';
import { dbSignup, dbSignupPreflight } from '../dbconnections/signup.js';
import {
  mfaAssociate,
  mfaChallenge,
  mfaDeleteAuthenticator,
  mfaListAuthenticators,
  mfaPreflights,
} from '../mfa/mfaApi.js';
import { devOutbox, devOutboxClear, devOutboxHtml } from '../outbox/outboxRoutes.js';
import { magicLink } from '../passwordless/magicLink.js';
import { passwordlessStart, passwordlessStartPreflight } from '../passwordless/start.js';
import { federationRoutes, samlLoginCallback } from '../saml/samlRoutes.js';
import { devFaultsAdd, devFaultsClear, devFaultsList } from './devFaults.js';
import { devReset, devStats } from './devRoutes.js';
import { homePage } from './homePage.js';
import { loginPage, loginSubmit } from './loginPage.js';
import type { TenantRoute } from './TenantRoute.js';
import { v2Logout } from './v2Logout.js';

/**
 * Every route of the tenant's own, served in front of oidc-provider. Add Auth0 endpoints
 * (`/dbconnections/*`, `/passwordless/start`, `/mfa/*`, ...) here.
 */
export const routes: readonly TenantRoute[] = [
  // Before `POST /login/:uid`, whose pattern it would match.
  samlLoginCallback,
  homePage,
  loginPage,
  loginSubmit,
  v2Logout,
  devStats,
  devReset,
  devFaultsList,
  devFaultsAdd,
  devFaultsClear,
  dbSignup,
  dbSignupPreflight,
  dbChangePassword,
  dbChangePasswordPreflight,
  resetPasswordPage,
  resetPasswordSubmit,
  passwordlessStart,
  passwordlessStartPreflight,
  magicLink,
  mfaListAuthenticators,
  mfaDeleteAuthenticator,
  mfaAssociate,
  mfaChallenge,
  ...mfaPreflights,
  devOutbox,
  devOutboxClear,
  devOutboxHtml,
  ...federationRoutes,
];
