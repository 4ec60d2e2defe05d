/**
 * Where oidc-provider's endpoints live: the Auth0 Authentication API paths. The resume
 * step of an authorization is `${authorization}/:uid`.
 */
export const auth0Routes = {
  authorization: '/authorize',
  token: '/oauth/token',
  userinfo: '/userinfo',
  jwks: '/.well-known/jwks.json',
  revocation: '/oauth/revoke',
  end_session: '/oidc/logout',
  introspection: '/oauth/introspect',
  registration: '/oidc/register',
  device_authorization: '/oauth/device/code',
  code_verification: '/activate',
  pushed_authorization_request: '/oauth/par',
  backchannel_authentication: '/bc-authorize',
  challenge: '/oauth/challenge',
  credential: '/oauth/credential',
} as const;

/** The login and consent pages of an interaction (`/login/:uid`). */
export const loginPath = (uid: string) => `/login/${encodeURIComponent(uid)}`;

/**
 * The scope parameter that carries `offline_access` through an authorization request (see
 * `offlineAccess.ts`). Set by the tenant, never by clients (it is stripped from requests).
 */
export const OFFLINE_ACCESS_PARAM = 'sesame_offline_access';
