import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { ModelStore } from '../adapter.js';
import type { Auth0Stores } from '../auth0Stores.js';
import type { ResolvedTenantConfig } from '../config/types.js';
import type { FaultInjector } from '../dev/faults.js';
import type { StatsRecorder } from '../dev/stats.js';
import type { SigningCertificate } from '../saml/certificate.js';
import type { UserStore } from '../users/UserStore.js';

/** What route handlers can use: the running tenant's parts. */
export interface TenantServices {
  /** The issuer, with a trailing slash. */
  issuer: string;
  /** The oidc-provider instance behind the Auth0 routes. */
  provider: Provider;
  /** The resolved configuration. */
  config: ResolvedTenantConfig;
  /** The users of the database connections. */
  users: UserStore;
  /** oidc-provider's storage (sessions, grants, tokens). */
  models: ModelStore;
  /** The counters `/__dev/stats` shows (grants, refresh-token reuse). */
  stats: StatsRecorder;
  /** Outbox, brute-force counters, passwordless codes, MFA state. */
  auth0: Auth0Stores;
  /** The faults of `/__dev/faults`. */
  faults: FaultInjector;
  /** The signing key and its X.509 certificate, for SAML and WS-Federation. */
  signingCertificate: SigningCertificate;
}

/**
 * A route of the tenant's own, served beside oidc-provider's (which it takes precedence
 * over). Add new Auth0 endpoints by writing one of these and listing it in `routes/index.ts`.
 */
export interface TenantRoute {
  /** The HTTP method the route answers. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** A path; segments starting with `:` are parameters, e.g. `/login/:uid`. */
  path: string;
  /** When false, the route does not exist (e.g. `/__dev/*` with `dev: false`). Default: on. */
  enabled?(tenant: TenantServices): boolean;
  /** Answers the request (set `ctx.status`, `ctx.body`, or redirect). */
  handle(ctx: Context, tenant: TenantServices, params: Record<string, string>): Promise<void> | void;
}
