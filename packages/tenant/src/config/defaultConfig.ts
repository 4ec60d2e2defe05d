import type { TenantConfig, TtlConfig } from './types.js';

const demoHosts = ['127.0.0.1', 'localhost'];
/** 5173: React demo, 5174: Vue demo, 5175: the core's test page. */
const demoPorts = [5173, 5174, 5175];
const demoOrigins = demoHosts.flatMap((host) => demoPorts.map((port) => `http://${host}:${port}`));
// With and without the trailing slash: SPA libraries default redirect_uri to `location.origin`.
const demoUrls = demoOrigins.flatMap((origin) => [origin, `${origin}/`, `${origin}/callback`]);

/** The client id of the seeded single-page application. */
export const DEMO_CLIENT_ID = 'sesame-spa';
/** The client id of the seeded native application that uses the device flow. */
export const DEMO_DEVICE_CLIENT_ID = 'sesame-device';
/** The client id of the seeded machine-to-machine application (client credentials). */
export const DEMO_M2M_CLIENT_ID = 'sesame-m2m';
/** The secret of {@link DEMO_M2M_CLIENT_ID} (a public demo credential, printed at start). */
export const DEMO_M2M_CLIENT_SECRET = 'sesame-m2m-demo-secret';
/** The audience of the seeded API. */
export const DEMO_AUDIENCE = 'https://api.sesame.test';
/** The seeded database connection. */
export const DEMO_CONNECTION = 'Username-Password-Authentication';
/** The seeded demo user's email (login). */
export const DEMO_USER_EMAIL = 'demo@sesame.test';
/** The seeded demo user's password. */
export const DEMO_USER_PASSWORD = 'Sesame-Demo-2026!';

/**
 * The seed the tenant starts with unless the config says `seed: false`: the `sesame-spa`
 * single-page application (public, PKCE) for the demo apps on 127.0.0.1/localhost ports
 * 5173-5175, the `sesame-device` native application (device flow), the `sesame-m2m`
 * machine-to-machine application (client credentials, secret {@link DEMO_M2M_CLIENT_SECRET}), the `https://api.sesame.test` API and the demo user in
 * `Username-Password-Authentication`.
 */
export const defaultConfig: TenantConfig & {
  /** Every lifetime's default. */
  readonly ttl: Required<TtlConfig>;
} = {
  tenantName: 'Sesame',
  dev: true,
  clients: [
    {
      client_id: DEMO_CLIENT_ID,
      name: 'Sesame Demo',
      app_type: 'spa',
      token_endpoint_auth_method: 'none',
      // The Auth0 grants the demos use from the browser: passwordless OTP, MFA, password-realm.
      grant_types: [
        'authorization_code',
        'refresh_token',
        'http://auth0.com/oauth/grant-type/passwordless/otp',
        'http://auth0.com/oauth/grant-type/password-realm',
        'http://auth0.com/oauth/grant-type/mfa-otp',
        'http://auth0.com/oauth/grant-type/mfa-oob',
        'http://auth0.com/oauth/grant-type/mfa-recovery-code',
      ],
      callbacks: demoUrls,
      allowed_logout_urls: demoUrls,
      web_origins: demoOrigins,
    },
    {
      client_id: DEMO_DEVICE_CLIENT_ID,
      name: 'Sesame Device',
      app_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      // The demos' device-code card calls the tenant from the browser as this application.
      web_origins: demoOrigins,
    },
    {
      client_id: DEMO_M2M_CLIENT_ID,
      name: 'Sesame M2M',
      app_type: 'non_interactive',
      client_secret: DEMO_M2M_CLIENT_SECRET,
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials'],
    },
  ],
  apis: [{ identifier: DEMO_AUDIENCE, name: 'Sesame Demo API', scopes: ['read:messages', 'write:messages'] }],
  connections: [
    {
      name: DEMO_CONNECTION,
      users: [
        {
          email: DEMO_USER_EMAIL,
          password: DEMO_USER_PASSWORD,
          name: 'Demo User',
          nickname: 'demo',
          email_verified: true,
        },
      ],
    },
  ],
  ttl: { accessToken: 86_400, refreshToken: 2_592_000, idToken: 36_000, session: 259_200 },
};
