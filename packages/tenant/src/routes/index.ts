import { devFaultsAdd, devFaultsClear, devFaultsList } from './devFaults.js';
import { devReset, devStats } from './devRoutes.js';
import { loginPage, loginSubmit } from './loginPage.js';
import type { TenantRoute } from './TenantRoute.js';
import { v2Logout } from './v2Logout.js';

/**
 * Every route of the tenant's own, served in front of oidc-provider. Add Auth0 endpoints
 * (`/dbconnections/*`, `/passwordless/start`, `/mfa/*`, ...) here.
 */
export const routes: readonly TenantRoute[] = [
  loginPage,
  loginSubmit,
  v2Logout,
  devStats,
  devReset,
  devFaultsList,
  devFaultsAdd,
  devFaultsClear,
];
