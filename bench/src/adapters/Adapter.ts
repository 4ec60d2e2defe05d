/** What the benchmark tells an adapter about the tenant and its own page. */
export interface AdapterConfig {
  /** Issuer identifier, with its trailing slash: `http://127.0.0.1:41234/` (a free port). */
  issuer: string;
  /** The issuer's origin, for libraries that take a domain: `http://127.0.0.1:41234`. */
  origin: string;
  clientId: string;
  /** The adapter page itself (`http://127.0.0.1:5301/`), registered as a callback. */
  redirectUri: string;
  /** A second registered callback, `/silent`, for libraries whose iframe loads an app page. */
  silentRedirectUri: string;
  audience: string;
  /** Scope for libraries that do not add `offline_access` themselves. */
  scope: string;
  /** The bench API: `url` answers `GET` with 200 for a valid token of `audience` that carries `scope`. */
  api: { url: string; scope: string };
  /**
   * Set on a page of the DPoP scenario (opened with `?api` or `?api&dpop`; kept across the login):
   * the login also asks for `api.scope`, and `dpop` says whether the library's DPoP option is on.
   */
  apiPage?: { dpop: boolean };
}

/**
 * The operations every library offers in the same shape, so that one runner drives them all.
 * Each method resolves when the operation is over, or rejects with the library's error.
 */
export interface Adapter {
  /**
   * What the library's framework binding does when an app starts (auth0-react: `checkSession()`;
   * react-oidc-context: `getUser()`; okta-react: `isAuthenticated()`): settles whether someone is
   * signed in. Resolves `true` when someone is.
   */
  start(): Promise<boolean>;
  /** Sends the browser to the tenant's login page (resolves just before navigating away). */
  login(): Promise<void>;
  /** Completes the login from the current URL, which carries the authorization response. */
  handleCallback(): Promise<void>;
  /** An access token, from the library's cache when it has a valid one. */
  getToken(): Promise<string>;
  /** An access token the library must fetch now (cache skipped): a refresh-token grant. */
  getTokenForced(): Promise<string>;
  /** An access token from the `prompt=none` iframe, without using a refresh token. */
  silentAuth(): Promise<string>;
  /** Ends the session locally (no navigation to the tenant). */
  logout(): Promise<void>;
  /**
   * On a page of the DPoP scenario (`config.apiPage`): one `GET` of `config.api.url` through the
   * library's own fetcher (token attached by it, with a DPoP proof when `dpop` is on); resolves
   * with the status of a 2xx answer (see `answered.ts`). Absent where the library has no fetcher.
   */
  callApi?(): Promise<string>;
  /** Runs inside the silent-auth iframe when the library's iframe loads an app page. */
  handleSilentCallback?(): Promise<void>;
}

/** Creates the adapter of one library. Every adapter module exports one, named after the library. */
export type AdapterFactory = (config: AdapterConfig) => Adapter;
