// First: it must run before oidc-provider is evaluated (see the file).
import './provider/quietNodeVersionWarning.js';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ModelStore } from './adapter.js';
import { createAuth0Stores } from './auth0Stores.js';
import { loadConfigFile } from './config/loadConfigFile.js';
import { resolveConfig } from './config/resolveConfig.js';
import type { ResolvedTenantConfig, TenantConfig } from './config/types.js';
import { countRequests } from './dev/countRequests.js';
import { FaultInjector } from './dev/faults.js';
import { StatsRecorder } from './dev/stats.js';
import { auth0DeviceResponses } from './device/auth0DeviceResponses.js';
import { auth0Errors } from './http/auth0Errors.js';
import { PayloadTooLargeError } from './http/readForm.js';
import { InvalidBodyError, rewriteAuth0Params } from './http/rewriteAuth0Params.js';
import { tokenRateLimit } from './http/tokenRateLimit.js';
import { loadOrCreateKeys, type PrivateJwk } from './keys.js';
import { openPersistence, type Persistence } from './persistence.js';
import { apiTokenUserinfo } from './provider/apiTokenUserinfo.js';
import { auth0TokenResponseScope } from './provider/auth0AccessTokens.js';
import { checkWebMessageOrigin } from './provider/checkWebMessageOrigin.js';
import { createProvider } from './provider/createProvider.js';
import { nonRotatingRefreshResponse } from './provider/refreshTokenSettings.js';
import { auth0RegistrationResponse } from './registration/auth0Registration.js';
import { createRouter } from './routes/createRouter.js';
import { routes } from './routes/index.js';
import type { TenantServices } from './routes/TenantRoute.js';
import { loadOrCreateCertificate } from './saml/certificate.js';
import { loadOrCreateTlsCertificate, type TlsCertificate } from './tls/tlsCertificate.js';
import { UserStore } from './users/UserStore.js';

/** Options of {@link startTenant}. */
export interface StartTenantOptions {
  /** TCP port; `0` picks a free one (read it from the result). Default 4000. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /**
   * The issuer identifier. Default `http://127.0.0.1:{port}/` (Auth0-style trailing slash), or
   * `https://127.0.0.1:{port}/` with `https`.
   */
  issuer?: string;
  /**
   * Serve TLS with a self-signed certificate for `localhost`, `127.0.0.1` and `::1`, kept in the
   * data (or keys) folder as `tls-certificate.pem` so that trusting it once lasts; see
   * {@link RunningTenant.tls}. What the Auth0 SDKs need: they build `https://{domain}`.
   */
  https?: boolean;
  /**
   * The tenant runs behind a reverse proxy that terminates TLS: take the scheme and host of the
   * URLs it builds (discovery, login-page redirects) from `X-Forwarded-Proto`/`X-Forwarded-Host`,
   * and the client IP of the per-IP limits from `X-Forwarded-For`. Off by default, when those
   * headers are ignored (any client could send them).
   */
  trustProxy?: boolean;
  /** The configuration, merged with the default seed; see {@link TenantConfig}. */
  config?: TenantConfig;
  /** A JSON config file, read and validated; fields of `config` are applied on top of it. */
  configFile?: string;
  /**
   * Data folder: signing keys (`keys.json`) and state (`state.json`: users, sessions, grants,
   * tokens) are kept there and survive restarts. Default: none, everything in memory.
   */
  dataDir?: string;
  /** Folder for the signing keys only (state stays in memory). Ignored when `dataDir` is set. */
  keysDir?: string;
  /** Serve `/__dev/*`; overrides the config's `dev`. */
  dev?: boolean;
  /** Apply Auth0's rate limits; overrides the config's `rate_limits.enabled` (`false`: none). */
  rateLimits?: boolean;
  /** The clock of codes, MFA transactions and rate limits (epoch ms); tests move it forward. Default `Date.now`. */
  now?: () => number;
}

/** A running tenant, as {@link startTenant} returns it. */
export interface RunningTenant {
  /** The issuer URL, with a trailing slash, e.g. `http://127.0.0.1:4000/`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** With `https`: the certificate clients must trust (`NODE_EXTRA_CA_CERTS`, a browser's authorities). */
  tls?: TlsCertificate;
  /** The configuration in effect (seed and config merged). */
  config: ResolvedTenantConfig;
  /** The parts route handlers use (provider, users, stats, storage). */
  services: TenantServices;
  /** Stops listening, closes open connections and saves state (with a data folder). */
  stop(): Promise<void>;
}

/**
 * Starts a local Auth0-compatible tenant (oidc-provider with Auth0 routes, a login page,
 * `/v2/logout` and `/__dev/*`).
 *
 * @example
 * ```ts
 * const tenant = await startTenant({ port: 0, config: { ttl: { accessToken: 5 } } });
 * // ... talk to tenant.url ...
 * await tenant.stop();
 * ```
 * @throws {ConfigError} when the config (file) is invalid; nothing is started then.
 */
export async function startTenant(options: StartTenantOptions = {}): Promise<RunningTenant> {
  const fromFile = options.configFile ? await loadConfigFile(options.configFile) : {};
  const config = resolveConfig({ ...fromFile, ...options.config });
  if (options.dev !== undefined) config.dev = options.dev;
  if (options.rateLimits !== undefined) config.rate_limits.enabled = options.rateLimits;

  let persistence: Persistence | undefined;
  const save = () => persistence?.schedule();
  const users = new UserStore(save);
  const models = new ModelStore(save);
  const keys = await loadOrCreateKeys(
    config.keys as PrivateJwk[] | undefined,
    options.dataDir ?? options.keysDir,
  );
  const auth0 = createAuth0Stores(config, options.now, save);
  if (options.dataDir)
    persistence = await openPersistence(options.dataDir, { users, models, mfa: auth0.mfa });
  // Configured users are the source of truth for their passwords, also over saved state.
  for (const connection of config.connections) {
    for (const user of connection.users) {
      const saved = users.findByEmail(connection.name, user.email);
      if (!saved) await users.create({ ...user, connection: connection.name });
      else if (!(await users.authenticate(connection.name, user.email, user.password))) {
        await users.setPassword(saved.user_id, user.password);
      }
    }
  }

  const tls = options.https
    ? await loadOrCreateTlsCertificate(options.dataDir ?? options.keysDir)
    : undefined;
  const server = tls ? createHttpsServer({ key: tls.keyPem, cert: tls.certificatePem }) : createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = options.issuer ?? `${tls ? 'https' : 'http'}://127.0.0.1:${port}/`;

  try {
    const provider = createProvider({ issuer, config, keys, models, users, auth0 });
    // Koa's setting, which oidc-provider reads for the URLs it builds and `ctx.ip` for the per-IP limits.
    provider.proxy = options.trustProxy === true;
    const stats = new StatsRecorder();
    const faults = new FaultInjector(() => stats.faultInjected());
    const signingCertificate = await loadOrCreateCertificate(
      keys.jwks[0]!,
      options.dataDir ?? options.keysDir,
      new URL(issuer).host,
    );
    const services: TenantServices = {
      issuer,
      provider,
      config,
      users,
      models,
      stats,
      faults,
      auth0,
      signingCertificate,
    };
    provider.use(tokenRateLimit(services, options.now ?? Date.now));
    provider.use(countRequests(provider, stats));
    provider.use(auth0DeviceResponses(config.device_flow.interval));
    provider.use(auth0RegistrationResponse);
    provider.use(auth0Errors(provider));
    provider.use(auth0TokenResponseScope);
    provider.use(nonRotatingRefreshResponse(config));
    provider.use(apiTokenUserinfo(services, keys.jwks));
    provider.use(checkWebMessageOrigin(provider, config.tenantName));
    provider.use(createRouter(routes, services));

    const handle = provider.callback();
    server.on('request', (req, res) => {
      // Faults come first, so that they apply to oidc-provider's endpoints too.
      faults
        .intercept(req, res)
        .then((request) => request && rewriteAuth0Params(request).then((rewritten) => handle(rewritten, res)))
        .then(undefined, (error: { status?: number }) => {
          res.statusCode = error.status ?? 400;
          if (!(error instanceof InvalidBodyError || error instanceof PayloadTooLargeError)) return res.end();
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(JSON.stringify(error));
        });
    });

    return {
      url: issuer,
      port,
      ...(tls ? { tls } : {}),
      config,
      services,
      async stop() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await persistence?.flush();
      },
    };
  } catch (error) {
    server.close();
    throw error;
  }
}
