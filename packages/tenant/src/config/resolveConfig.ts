import { ConfigError } from './ConfigError.js';
import { defaultConfig } from './defaultConfig.js';
import type {
  ApiConfig,
  ApplicationConfig,
  ConnectionConfig,
  ResolvedApi,
  ResolvedApplication,
  ResolvedTenantConfig,
  TenantConfig,
} from './types.js';
import { validateConfig } from './validateConfig.js';

const union = (...lists: (readonly string[] | undefined)[]) => [
  ...new Set(lists.flatMap((list) => list ?? [])),
];

/** Merges entries with the same key; URL lists are joined, other fields of the later entry win. */
function mergeBy<T extends object>(
  key: keyof T,
  seed: readonly T[],
  extra: readonly T[],
  join: (keyof T)[],
): T[] {
  const merged = new Map<unknown, T>(seed.map((entry) => [entry[key], { ...entry }]));
  for (const entry of extra) {
    const previous = merged.get(entry[key]);
    if (!previous) {
      merged.set(entry[key], { ...entry });
      continue;
    }
    const next = { ...previous, ...entry };
    for (const field of join) {
      (next as Record<keyof T, unknown>)[field] = union(
        previous[field] as string[] | undefined,
        entry[field] as string[] | undefined,
      );
    }
    merged.set(entry[key], next);
  }
  return [...merged.values()];
}

function resolveApplication(app: ApplicationConfig, refreshTokenTtl: number): ResolvedApplication {
  const app_type = app.app_type ?? 'spa';
  const isPublicType = app_type === 'spa' || app_type === 'native';
  const token_endpoint_auth_method =
    app.token_endpoint_auth_method ?? (isPublicType ? 'none' : 'client_secret_post');
  if (token_endpoint_auth_method !== 'none' && !app.client_secret) {
    // Only reachable when a merge made a seeded public client confidential.
    throw new ConfigError(
      `clients[client_id=${app.client_id}].client_secret`,
      'is required for a confidential client',
    );
  }
  return {
    client_id: app.client_id,
    name: app.name ?? app.client_id,
    app_type,
    client_secret: app.client_secret,
    token_endpoint_auth_method,
    grant_types: app.grant_types ?? ['authorization_code', 'refresh_token'],
    callbacks: app.callbacks ?? [],
    allowed_logout_urls: app.allowed_logout_urls ?? [],
    web_origins: app.web_origins ?? [],
    allowed_origins: app.allowed_origins ?? [],
    is_first_party: app.is_first_party ?? true,
    refresh_token: {
      rotation_type: app.refresh_token?.rotation_type ?? 'rotating',
      leeway: app.refresh_token?.leeway ?? 0,
      token_lifetime: app.refresh_token?.token_lifetime ?? refreshTokenTtl,
      idle_token_lifetime: app.refresh_token?.idle_token_lifetime,
    },
    saml: app.saml,
    wsfed: app.wsfed,
  };
}

const resolveApi = (api: ApiConfig): ResolvedApi => ({
  identifier: api.identifier,
  name: api.name ?? api.identifier,
  scopes: api.scopes ?? [],
  token_lifetime: api.token_lifetime,
});

/**
 * Validates a config and merges it with the {@link defaultConfig} seed (unless
 * `seed: false`) into a {@link ResolvedTenantConfig}.
 *
 * @param config - a {@link TenantConfig}, e.g. parsed from a JSON file.
 * @throws {ConfigError} naming the bad field.
 */
export function resolveConfig(config: unknown = {}): ResolvedTenantConfig {
  const input = validateConfig(config);
  const seed: TenantConfig = input.seed === false ? {} : defaultConfig;

  const clients = mergeBy<ApplicationConfig>('client_id', seed.clients ?? [], input.clients ?? [], [
    'callbacks',
    'allowed_logout_urls',
    'web_origins',
    'allowed_origins',
  ]);
  const connections = mergeBy<ConnectionConfig>('name', seed.connections ?? [], input.connections ?? [], []);
  for (const connection of connections) {
    const seeded = seed.connections?.find((c) => c.name === connection.name)?.users ?? [];
    const extra = input.connections?.find((c) => c.name === connection.name)?.users ?? [];
    connection.users = [...seeded.filter((u) => !extra.some((e) => e.email === u.email)), ...extra];
  }

  const ttl = { ...defaultConfig.ttl, ...input.ttl };
  return {
    tenantName: input.tenantName ?? seed.tenantName ?? 'Sesame',
    dev: input.dev ?? true,
    clients: clients.map((app) => resolveApplication(app, ttl.refreshToken)),
    apis: mergeBy<ApiConfig>('identifier', seed.apis ?? [], input.apis ?? [], ['scopes']).map(resolveApi),
    connections: connections.map((c) => ({
      name: c.name,
      users: c.users ?? [],
      password_policy: { min_length: 8, require: ['lower', 'upper', 'numbers'], ...c.password_policy },
      requires_username: c.requires_username ?? false,
    })),
    allowed_logout_urls: input.allowed_logout_urls ?? [],
    ttl,
    brute_force_protection: { max_attempts: 10, ...input.brute_force_protection },
    passwordless: { code_ttl: 300, max_attempts: 3, rate_limit_per_hour: 50, ...input.passwordless },
    mfa: { policy: 'never', ...input.mfa },
    keys: input.keys,
    device_flow: { interval: 5, expires_in: 900, ...input.device_flow },
    registration: { enabled: input.registration?.enabled ?? false },
    token_exchange_profiles: input.token_exchange_profiles ?? [],
    saml_connections: input.saml_connections ?? [],
    rate_limits: { enabled: true, token_per_minute: 300, ...input.rate_limits },
    dpop: { enabled: true, require_nonce: false, ...input.dpop },
  };
}
