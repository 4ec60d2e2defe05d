/**
 * Placeholder settings the minimal size apps are compiled with. The apps are only
 * bundled and weighed, never run, so the values only have to look like real ones.
 */
export const appConfig = {
  origin: 'http://127.0.0.1:4000',
  issuer: 'http://127.0.0.1:4000/',
  clientId: 'bench-spa',
  redirectUri: 'http://127.0.0.1:5301/',
  audience: 'https://api.sesame.test',
  scope: 'openid profile email offline_access',
} as const;
