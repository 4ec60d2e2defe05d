/**
 * An application (an OAuth client) of the tenant, in the shape of Auth0's Management API
 * `Client` object, reduced to what a local tenant needs.
 */
export interface ApplicationConfig {
  /** The client identifier, e.g. `sesame-spa`. */
  client_id: string;
  /** A display name, shown on the login page. */
  name?: string;
  /** `spa` (public client, PKCE) or `regular_web` / `non_interactive` (confidential). Default `spa`. */
  app_type?: 'spa' | 'native' | 'regular_web' | 'non_interactive';
  /** Secret of a confidential client. Required unless `token_endpoint_auth_method` is `none`. */
  client_secret?: string;
  /** Default `none` for `spa` and `native`, else `client_secret_post`. */
  token_endpoint_auth_method?: 'none' | 'client_secret_post' | 'client_secret_basic';
  /** Default `['authorization_code', 'refresh_token']`. */
  grant_types?: string[];
  /** Allowed Callback URLs: the exact `redirect_uri` values accepted by `/authorize`. */
  callbacks?: string[];
  /** Allowed Logout URLs: accepted `returnTo` of `/v2/logout` and `post_logout_redirect_uri` of `/oidc/logout`. */
  allowed_logout_urls?: string[];
  /** Allowed Web Origins: targets of `response_mode=web_message` and CORS origins of the token, userinfo and revoke endpoints. */
  web_origins?: string[];
  /** Extra CORS origins (Auth0's "Allowed Origins (CORS)"). */
  allowed_origins?: string[];
  /** First-party applications get consent without asking. Default `true`. */
  is_first_party?: boolean;
  /** Refresh tokens of this application (Auth0's `refresh_token` settings). */
  refresh_token?: RefreshTokenConfig;
  /** Auth0's SAML2 Web App add-on: `/samlp/{client_id}` posts a signed SAML response to `callback`. */
  saml?: SamlAddonConfig;
  /** Auth0's WS-Fed add-on: `/wsfed/{client_id}` posts a WS-Fed token to `callback`. */
  wsfed?: WsFedAddonConfig;
}

/**
 * An application's refresh-token settings, with the field names of Auth0's `Client.refresh_token`.
 *
 * @example
 * ```json
 * { "rotation_type": "rotating", "leeway": 10, "token_lifetime": 2592000, "idle_token_lifetime": 1296000 }
 * ```
 */
export interface RefreshTokenConfig {
  /**
   * `rotating` (default): every refresh answers a new refresh token and the presented one is spent;
   * presenting a spent one after `leeway` revokes the whole grant (reuse detection).
   * `non-rotating`: the one refresh token is reusable until it expires; refreshes answer none.
   */
  rotation_type?: 'rotating' | 'non-rotating';
  /** Reuse interval in seconds: how long a rotated token is still accepted (each use rotates again). Default 0. */
  leeway?: number;
  /** Absolute lifetime in seconds, counted from the login, over every rotation. Default `ttl.refreshToken`. */
  token_lifetime?: number;
  /** Inactivity lifetime in seconds: a rotating token unused that long expires. Default: none. */
  idle_token_lifetime?: number;
}

/** The SAML2 Web App add-on of an application. */
export interface SamlAddonConfig {
  /** The Assertion Consumer Service URL the response is posted to. */
  callback: string;
  /** The `<Audience>` of assertions (the SP entity ID). Default the `client_id`. */
  audience?: string;
  /** Where `POST /samlp/{client_id}/logout` posts its LogoutResponse; without it the response is shown. */
  logout_callback?: string;
  /** Assertion lifetime in seconds. Default 3600. */
  lifetime?: number;
}

/** The WS-Fed add-on of an application. */
export interface WsFedAddonConfig {
  /** The reply URL (`wreply`) the token is posted to. */
  callback: string;
  /** The realm (`wtrealm`), the token's audience. Default the `client_id`. */
  realm?: string;
}

/**
 * An upstream SAML identity provider (an Auth0 SAML enterprise connection) that may post
 * IdP-initiated responses to `POST /login/callback?connection={name}`.
 */
export interface SamlConnectionConfig {
  /** The connection name, also the user id prefix (`samlp|{name}|{NameID}`). */
  name: string;
  /** The IdP's signing certificate, PEM. Responses must be signed with its key. */
  signing_cert: string;
  /** The `<Issuer>` responses must carry; unchecked when absent. */
  issuer?: string;
  /** The `<Audience>` assertions must name. Default `urn:auth0:{tenant}:{name}` (as Auth0's SP entity ID). */
  audience?: string;
  /** Where the browser goes once signed in: an Allowed Callback URL of `client_id`. Default its first callback. */
  redirect_uri?: string;
  /** The application users of this IdP land in. Default the first application. */
  client_id?: string;
}

/** An API (an OAuth resource server): its `identifier` is the `audience` clients ask for. */
export interface ApiConfig {
  /** The audience, e.g. `https://api.sesame.test`. Access tokens for it are RS256 JWTs with this `aud`. */
  identifier: string;
  /** A display name. */
  name?: string;
  /** The permissions (scopes) the API defines, e.g. `['read:messages']`. */
  scopes?: string[];
  /** Access token lifetime for this API in seconds; default `ttl.accessToken`. */
  token_lifetime?: number;
}

/** A user of a database connection. */
export interface UserConfig {
  /** The login (Auth0 database connections log in by email). */
  email: string;
  /** The clear-text password; hashed with scrypt when the tenant starts. */
  password: string;
  /** Auth0-style id, e.g. `auth0|5f7c...`; derived from the connection and email when absent. */
  user_id?: string;
  /** Full name, in the ID token and `/userinfo` (`name` claim). */
  name?: string;
  /** Nickname claim. */
  nickname?: string;
  /** Given name claim. */
  given_name?: string;
  /** Family name claim. */
  family_name?: string;
  /** Profile picture URL claim. */
  picture?: string;
  /** Default `false`. */
  email_verified?: boolean;
  /** This user's MFA policy, overriding the tenant's `mfa.policy`. */
  mfa_policy?: MfaPolicy;
}

/**
 * When logins ask for a second factor: `never`; `always` (users without an authenticator
 * enrol on their first login); `enrolled` (only users who have one).
 */
export type MfaPolicy = 'never' | 'always' | 'enrolled';

/** A database connection's password policy; `/dbconnections/signup` names the rule that failed. */
export interface PasswordPolicyConfig {
  /** Minimum length. Default 8. */
  min_length?: number;
  /** Character classes that must all appear. Default `['lower', 'upper', 'numbers']` (Auth0's "fair"). */
  require?: ('lower' | 'upper' | 'numbers' | 'special')[];
}

/** A database connection (Auth0's `Username-Password-Authentication` and friends). */
export interface ConnectionConfig {
  /** The connection name, e.g. `Username-Password-Authentication`. */
  name: string;
  /** Users seeded into the connection at start. */
  users?: UserConfig[];
  /** The password policy of signups and password changes. */
  password_policy?: PasswordPolicyConfig;
  /** Signups must give a `username` too. Default `false`. */
  requires_username?: boolean;
}

/** Brute-force protection of password logins (per user and IP). */
export interface BruteForceConfig {
  /** Failed attempts before the user is blocked for that IP (429 `too_many_attempts`). Default 10. */
  max_attempts?: number;
}

/** Passwordless connections (`email`, `sms`): codes, links and the sending rate limit. */
export interface PasswordlessConfig {
  /** Lifetime of codes and links in seconds. Default 300. */
  code_ttl?: number;
  /** Wrong codes before a code is void. Default 3. */
  max_attempts?: number;
  /** Messages `/passwordless/start` sends per IP and hour before answering 429. Default 50. */
  rate_limit_per_hour?: number;
}

/** Multi-factor authentication. */
export interface MfaConfig {
  /** The tenant's policy; users may override it with `mfa_policy`. Default `never`. */
  policy?: MfaPolicy;
}

/** Token and session lifetimes, in seconds. */
export interface TtlConfig {
  /** Access tokens (opaque and JWT). Default 86400 (Auth0's default). */
  accessToken?: number;
  /** Refresh tokens (absolute lifetime). Default 2592000 (30 days). */
  refreshToken?: number;
  /** ID tokens. Default 36000 (Auth0's default). */
  idToken?: number;
  /** Tenant login session. Default 259200 (3 days). */
  session?: number;
}

/**
 * The tenant configuration: what a JSON config file (`--config FILE`) or the `config`
 * option of {@link startTenant} contains. Every field is optional.
 *
 * Unless `seed` is `false`, the {@link defaultConfig} seed is included: an application in
 * the file whose `client_id` is already seeded is merged into it (URL lists are joined),
 * so a test can add its own callback URLs to `sesame-spa`. Likewise for APIs (by
 * `identifier`) and connections (by `name`, users joined).
 *
 * @example
 * ```json
 * {
 *   "tenantName": "Sesame Dev",
 *   "ttl": { "accessToken": 5 },
 *   "clients": [{ "client_id": "sesame-spa", "callbacks": ["http://127.0.0.1:6100/callback"],
 *                 "web_origins": ["http://127.0.0.1:6100"] }]
 * }
 * ```
 */
export interface TenantConfig {
  /** Name shown on the login page. Default `Sesame`. */
  tenantName?: string;
  /** Include the default seed (demo app, API, user). Default `true`. */
  seed?: boolean;
  /** Serve `/__dev/*` (stats, reset). Default `true`. */
  dev?: boolean;
  /** Applications. */
  clients?: ApplicationConfig[];
  /** APIs (audiences). */
  apis?: ApiConfig[];
  /** Database connections and their users. */
  connections?: ConnectionConfig[];
  /** Tenant-level Allowed Logout URLs: `returnTo` values `/v2/logout` accepts without a `client_id`. */
  allowed_logout_urls?: string[];
  /** Token and session lifetimes in seconds. */
  ttl?: TtlConfig;
  /** Brute-force protection of password grants. */
  brute_force_protection?: BruteForceConfig;
  /** Passwordless codes and links. */
  passwordless?: PasswordlessConfig;
  /** Multi-factor authentication policy. */
  mfa?: MfaConfig;
  /**
   * Private signing keys as JWKs (RSA, used with RS256). When absent, keys are generated at
   * first start and kept in the data folder.
   */
  keys?: Record<string, unknown>[];
  /** The device authorization flow (`/oauth/device/code`, `/activate`). */
  device_flow?: DeviceFlowConfig;
  /** Dynamic client registration (`POST /oidc/register`). Off by default, as on Auth0. */
  registration?: {
    /** Accept `POST /oidc/register`. Default `false`. */
    enabled?: boolean;
  };
  /** The `subject_token_type`s the token exchange grant accepts, and how their tokens are verified. */
  token_exchange_profiles?: TokenExchangeProfileConfig[];
  /** Upstream SAML identity providers for IdP-initiated login (`POST /login/callback`). */
  saml_connections?: SamlConnectionConfig[];
  /** Auth0's rate limits (429 with `Retry-After`, `X-RateLimit-*` headers). */
  rate_limits?: RateLimitsConfig;
  /** DPoP (RFC 9449): sender-constrained tokens for clients that send a proof. */
  dpop?: DpopConfig;
}

/**
 * Rate limits, as Auth0's: `/oauth/token` per tenant and minute; `/passwordless/start` per IP and
 * hour (`passwordless.rate_limit_per_hour`). Their answers carry `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` (epoch seconds); past the limit, 429
 * `too_many_requests` with `Retry-After`.
 */
export interface RateLimitsConfig {
  /** Default `true`; `false` (or the CLI's `--no-rate-limits`) turns every limit off. */
  enabled?: boolean;
  /** `/oauth/token` requests per minute for the whole tenant. Default 300 (Auth0's free plan). */
  token_per_minute?: number;
}

/** DPoP (RFC 9449). */
export interface DpopConfig {
  /** Default `true`: a token request with a `DPoP` proof gets DPoP-bound tokens. */
  enabled?: boolean;
  /** Proofs must carry a server nonce (`use_dpop_nonce` with a `DPoP-Nonce` header otherwise). Default `false`. */
  require_nonce?: boolean;
}

/** The configuration after validation, defaults and seed merge: every field present. */
export interface ResolvedTenantConfig {
  /** `TenantConfig.tenantName`, its default applied. */
  tenantName: string;
  /** `TenantConfig.dev`, its default applied. */
  dev: boolean;
  /** `TenantConfig.clients`, its default applied. */
  clients: ResolvedApplication[];
  /** `TenantConfig.apis`, its default applied. */
  apis: ResolvedApi[];
  /** `TenantConfig.connections`, its default applied. */
  connections: ResolvedConnection[];
  /** `TenantConfig.allowed_logout_urls`, its default applied. */
  allowed_logout_urls: string[];
  /** `TenantConfig.ttl`, its default applied. */
  ttl: Required<TtlConfig>;
  /** `TenantConfig.brute_force_protection`, its default applied. */
  brute_force_protection: Required<BruteForceConfig>;
  /** `TenantConfig.passwordless`, its default applied. */
  passwordless: Required<PasswordlessConfig>;
  /** `TenantConfig.mfa`, its default applied. */
  mfa: Required<MfaConfig>;
  /** `TenantConfig.keys`, its default applied. */
  keys: Record<string, unknown>[] | undefined;
  /** `TenantConfig.device_flow`, its default applied. */
  device_flow: Required<DeviceFlowConfig>;
  /** `TenantConfig.registration`, its default applied. */
  registration: {
    /** `TenantConfig.registration.enabled`, its default applied. */
    enabled: boolean;
  };
  /** `TenantConfig.token_exchange_profiles`, its default applied. */
  token_exchange_profiles: TokenExchangeProfileConfig[];
  /** `TenantConfig.saml_connections`, its default applied. */
  saml_connections: SamlConnectionConfig[];
  /** `TenantConfig.rate_limits`, its default applied. */
  rate_limits: Required<RateLimitsConfig>;
  /** `TenantConfig.dpop`, its default applied. */
  dpop: Required<DpopConfig>;
}

/** An application with defaults applied. */
export interface ResolvedApplication {
  /** `ApplicationConfig.client_id`, its default applied. */
  client_id: string;
  /** `ApplicationConfig.name`, its default applied. */
  name: string;
  /** `ApplicationConfig.app_type`, its default applied. */
  app_type: NonNullable<ApplicationConfig['app_type']>;
  /** `ApplicationConfig.client_secret`, its default applied. */
  client_secret: string | undefined;
  /** `ApplicationConfig.token_endpoint_auth_method`, its default applied. */
  token_endpoint_auth_method: NonNullable<ApplicationConfig['token_endpoint_auth_method']>;
  /** `ApplicationConfig.grant_types`, its default applied. */
  grant_types: string[];
  /** `ApplicationConfig.callbacks`, its default applied. */
  callbacks: string[];
  /** `ApplicationConfig.allowed_logout_urls`, its default applied. */
  allowed_logout_urls: string[];
  /** `ApplicationConfig.web_origins`, its default applied. */
  web_origins: string[];
  /** `ApplicationConfig.allowed_origins`, its default applied. */
  allowed_origins: string[];
  /** `ApplicationConfig.is_first_party`, its default applied. */
  is_first_party: boolean;
  /** `ApplicationConfig.refresh_token`, its default applied. */
  refresh_token: {
    /** `RefreshTokenConfig.rotation_type`, its default applied. */
    rotation_type: NonNullable<RefreshTokenConfig['rotation_type']>;
    /** `RefreshTokenConfig.leeway`, its default applied. */
    leeway: number;
    /** `RefreshTokenConfig.token_lifetime`, its default applied. */
    token_lifetime: number;
    /** `RefreshTokenConfig.idle_token_lifetime`, its default applied. */
    idle_token_lifetime: number | undefined;
  };
  /** `ApplicationConfig.saml`, its default applied. */
  saml: SamlAddonConfig | undefined;
  /** `ApplicationConfig.wsfed`, its default applied. */
  wsfed: WsFedAddonConfig | undefined;
}

/** An API with defaults applied. */
export interface ResolvedApi {
  /** `ApiConfig.identifier`, its default applied. */
  identifier: string;
  /** `ApiConfig.name`, its default applied. */
  name: string;
  /** `ApiConfig.scopes`, its default applied. */
  scopes: string[];
  /** `ApiConfig.token_lifetime`, its default applied. */
  token_lifetime: number | undefined;
}

/** A database connection with defaults applied. */
export interface ResolvedConnection {
  name: string;
  users: UserConfig[];
  password_policy: Required<PasswordPolicyConfig>;
  requires_username: boolean;
}

/** The device authorization flow. */
export interface DeviceFlowConfig {
  /** Seconds a device must wait between polls (`interval`); faster polls get `slow_down`. Default 5. */
  interval?: number;
  /** Lifetime of device and user codes in seconds. Default 900 (Auth0's). */
  expires_in?: number;
}

/**
 * A token exchange profile (Auth0's custom token exchange): subject tokens of
 * `subject_token_type` are JWTs from `issuer`, verified with exactly one of `jwks`,
 * `jwks_uri` or `public_key`, and mapped by `sub` (and `email`) onto a user of `connection`,
 * created on first use.
 */
export interface TokenExchangeProfileConfig {
  /**
   * The `subject_token_type` it handles: a URI of your own for custom token exchange (e.g.
   * `urn:acme:legacy-token`), or a native social type such as
   * `http://auth0.com/oauth/token-type/apple-authz-code` to stand in for that provider.
   */
  subject_token_type: string;
  /** The `iss` subject tokens must carry. */
  issuer: string;
  /** The `aud` subject tokens must carry; unchecked when absent. */
  audience?: string;
  /** A JWK Set with the issuer's public keys. */
  jwks?: { keys: Record<string, unknown>[] };
  /** Where the issuer publishes its JWK Set. */
  jwks_uri?: string;
  /** The issuer's public key, PEM (SPKI). */
  public_key?: string;
  /** The connection users are created in and their id prefix (`{connection}|{sub}`). Default `token-exchange`. */
  connection?: string;
}
