import type { TenantConfig } from './types.js';

const demoHosts = ['127.0.0.1', 'localhost'];
/** 5173: React demo, 5174: Vue demo, 5175: the core's test page. */
const demoPorts = [5173, 5174, 5175];
const demoOrigins = demoHosts.flatMap((host) => demoPorts.map((port) => `http://${host}:${port}`));
const demoUrls = demoOrigins.flatMap((origin) => [`${origin}/`, `${origin}/callback`]);

/** The client id of the seeded single-page application. */
export const DEMO_CLIENT_ID = 'sesame-spa';
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
 * 5173-5175, the `https://api.sesame.test` API and the demo user in
 * `Username-Password-Authentication`.
 */
export const defaultConfig = {
  tenantName: 'Sesame',
  dev: true,
  clients: [
    {
      client_id: DEMO_CLIENT_ID,
      name: 'Sesame Demo',
      app_type: 'spa',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      callbacks: demoUrls,
      allowed_logout_urls: demoUrls,
      web_origins: demoOrigins,
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
} satisfies TenantConfig;
