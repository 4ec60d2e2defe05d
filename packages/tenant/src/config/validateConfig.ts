import { ConfigError } from './ConfigError.js';
import type { TenantConfig } from './types.js';

type Check = (value: unknown, field: string) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value, field) => {
  if (typeof value !== 'string' || value === '') throw new ConfigError(field, 'must be a non-empty string');
};
const boolean: Check = (value, field) => {
  if (typeof value !== 'boolean') throw new ConfigError(field, 'must be true or false');
};
const seconds: Check = (value, field) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ConfigError(field, 'must be a positive whole number of seconds');
  }
};
/** Zero allowed (e.g. a reuse interval of none). */
const wholeSeconds: Check = (value, field) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ConfigError(field, 'must be a whole number of seconds (0 or more)');
  }
};
const url: Check = (value, field) => {
  string(value, field);
  const parsed = URL.parse(value as string);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new ConfigError(field, 'must be an http(s) URL');
};
const origin: Check = (value, field) => {
  url(value, field);
  if (new URL(value as string).origin !== value) {
    throw new ConfigError(field, 'must be an origin (scheme://host[:port], no path or trailing slash)');
  }
};
const oneOf =
  (...allowed: string[]): Check =>
  (value, field) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new ConfigError(field, `must be one of ${allowed.join(', ')}`);
    }
  };
const arrayOf =
  (item: Check): Check =>
  (value, field) => {
    if (!Array.isArray(value)) throw new ConfigError(field, 'must be an array');
    value.forEach((entry, i) => {
      item(entry, `${field}[${i}]`);
    });
  };
const object =
  (shape: Record<string, Check>, required: string[] = []): Check =>
  (value, field) => {
    if (!isObject(value)) throw new ConfigError(field, 'must be an object');
    const at = (key: string) => (field ? `${field}.${key}` : key);
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) throw new ConfigError(at(key), 'is not a known field');
    }
    for (const key of required) {
      if (value[key] === undefined) throw new ConfigError(at(key), 'is required');
    }
    for (const [key, check] of Object.entries(shape)) {
      if (value[key] !== undefined) check(value[key], at(key));
    }
  };

const applicationFields = object(
  {
    client_id: string,
    name: string,
    app_type: oneOf('spa', 'native', 'regular_web', 'non_interactive'),
    client_secret: string,
    token_endpoint_auth_method: oneOf('none', 'client_secret_post', 'client_secret_basic'),
    grant_types: arrayOf(string),
    callbacks: arrayOf(url),
    allowed_logout_urls: arrayOf(url),
    web_origins: arrayOf(origin),
    allowed_origins: arrayOf(origin),
    is_first_party: boolean,
    refresh_token: object({
      rotation_type: oneOf('rotating', 'non-rotating'),
      leeway: wholeSeconds,
      token_lifetime: seconds,
      idle_token_lifetime: seconds,
    }),
    saml: object({ callback: url, audience: string, logout_callback: url, lifetime: seconds }, ['callback']),
    wsfed: object({ callback: url, realm: string }, ['callback']),
  },
  ['client_id'],
);

const application: Check = (value, field) => {
  applicationFields(value, field);
  const app = value as Record<string, unknown>;
  const confidential =
    app.token_endpoint_auth_method !== undefined
      ? app.token_endpoint_auth_method !== 'none'
      : app.app_type === 'regular_web' || app.app_type === 'non_interactive';
  if (confidential && app.client_secret === undefined) {
    throw new ConfigError(`${field}.client_secret`, 'is required for a confidential client');
  }
};

const api = object({ identifier: string, name: string, scopes: arrayOf(string), token_lifetime: seconds }, [
  'identifier',
]);

const user = object(
  {
    email: string,
    password: string,
    user_id: string,
    name: string,
    nickname: string,
    given_name: string,
    family_name: string,
    picture: url,
    email_verified: boolean,
    mfa_policy: oneOf('never', 'always', 'enrolled'),
  },
  ['email', 'password'],
);

const count: Check = (value, field) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ConfigError(field, 'must be a positive whole number');
  }
};

const connection = object(
  {
    name: string,
    users: arrayOf(user),
    password_policy: object({
      min_length: count,
      require: arrayOf(oneOf('lower', 'upper', 'numbers', 'special')),
    }),
    requires_username: boolean,
  },
  ['name'],
);

const jwk: Check = (value, field) => {
  if (!isObject(value) || value.kty !== 'RSA' || typeof value.d !== 'string') {
    throw new ConfigError(field, 'must be a private RSA JWK (kty "RSA" with "d")');
  }
};

const publicJwk: Check = (value, field) => {
  if (!isObject(value) || typeof value.kty !== 'string')
    throw new ConfigError(field, 'must be a JWK (with "kty")');
};

const tokenExchangeProfileFields = object(
  {
    subject_token_type: string,
    issuer: string,
    audience: string,
    jwks: object({ keys: arrayOf(publicJwk) }, ['keys']),
    jwks_uri: url,
    public_key: string,
    connection: string,
  },
  ['subject_token_type', 'issuer'],
);

const tokenExchangeProfile: Check = (value, field) => {
  tokenExchangeProfileFields(value, field);
  const profile = value as Record<string, unknown>;
  const keySources = ['jwks', 'jwks_uri', 'public_key'].filter((key) => profile[key] !== undefined);
  if (keySources.length !== 1) {
    throw new ConfigError(field, 'needs exactly one of jwks, jwks_uri, public_key to verify subject tokens');
  }
};

const pem: Check = (value, field) => {
  string(value, field);
  if (!/-----BEGIN CERTIFICATE-----/.test(value as string))
    throw new ConfigError(field, 'must be a PEM certificate');
};

const tenantConfig = object({
  tenantName: string,
  seed: boolean,
  dev: boolean,
  clients: arrayOf(application),
  apis: arrayOf(api),
  connections: arrayOf(connection),
  allowed_logout_urls: arrayOf(url),
  ttl: object({ accessToken: seconds, refreshToken: seconds, idToken: seconds, session: seconds }),
  brute_force_protection: object({ max_attempts: count }),
  passwordless: object({ code_ttl: seconds, max_attempts: count, rate_limit_per_hour: count }),
  mfa: object({ policy: oneOf('never', 'always', 'enrolled') }),
  keys: arrayOf(jwk),
  device_flow: object({ interval: seconds, expires_in: seconds }),
  registration: object({ enabled: boolean }),
  token_exchange_profiles: arrayOf(tokenExchangeProfile),
  saml_connections: arrayOf(
    object(
      {
        name: string,
        signing_cert: pem,
        issuer: string,
        audience: string,
        redirect_uri: url,
        client_id: string,
      },
      ['name', 'signing_cert'],
    ),
  ),
  rate_limits: object({ enabled: boolean, token_per_minute: count }),
  dpop: object({ enabled: boolean, require_nonce: boolean }),
  $schema: string,
});

/**
 * Checks that `value` is a valid {@link TenantConfig} (unknown fields are errors, so a typo
 * does not pass silently).
 *
 * @param value - the parsed JSON of a config file, or a config object.
 * @returns `value`, typed.
 * @throws {ConfigError} naming the first bad field, e.g. `clients[0].web_origins[2] must be an origin ...`.
 */
export function validateConfig(value: unknown): TenantConfig {
  if (!isObject(value)) throw new ConfigError('(root)', 'must be a JSON object');
  tenantConfig(value, '');
  return value as TenantConfig;
}
