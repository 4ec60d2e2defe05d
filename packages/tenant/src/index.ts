/**
 * `@sesame/tenant`: a local Auth0-compatible authorization server on oidc-provider, for
 * development, end-to-end tests and benchmarks.
 *
 * @packageDocumentation
 */
// First: it must run before oidc-provider is evaluated (see the file).
import './provider/quietNodeVersionWarning.js';

export { ModelStore } from './adapter.js';
export { ConfigError } from './config/ConfigError.js';
export {
  DEMO_AUDIENCE,
  DEMO_CLIENT_ID,
  DEMO_CONNECTION,
  DEMO_DEVICE_CLIENT_ID,
  DEMO_M2M_CLIENT_ID,
  DEMO_M2M_CLIENT_SECRET,
  DEMO_USER_EMAIL,
  DEMO_USER_PASSWORD,
  defaultConfig,
} from './config/defaultConfig.js';
export { loadConfigFile } from './config/loadConfigFile.js';
export { resolveConfig } from './config/resolveConfig.js';
export type {
  ApiConfig,
  ApplicationConfig,
  ConnectionConfig,
  ResolvedApi,
  ResolvedApplication,
  ResolvedTenantConfig,
  TenantConfig,
  TtlConfig,
  UserConfig,
} from './config/types.js';
export { validateConfig } from './config/validateConfig.js';
export { describeTenant } from './describeTenant.js';
export type { ActiveFault, FaultSpec } from './dev/faults.js';
export { StatsRecorder, type TenantStats } from './dev/stats.js';
export type { TenantRoute, TenantServices } from './routes/TenantRoute.js';
export { type RunningTenant, type StartTenantOptions, startTenant } from './startTenant.js';
export { type NewUser, type StoredUser, UserStore } from './users/UserStore.js';
