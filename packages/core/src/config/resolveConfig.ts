import { randomString } from '../oauth/base64url.js';
import type { AuthClientOptions, AuthLock, AuthorizationParams, AuthStorage, DpopOption } from '../types.js';

/** The options of `createAuthClient()` with every default applied; frozen, passed to every module. */
export interface ResolvedConfig {
  readonly clientId: string;
  /** `auth0`: known endpoints under `origin`; `oidc`: discovery from `issuer`. */
  readonly mode: 'auth0' | 'oidc';
  /** The expected issuer identifier (`https://{domain}/` in Auth0 mode). */
  readonly issuer: string;
  /** The issuer's origin: the only origin web messages are accepted from. */
  readonly origin: string;
  /** Plain http is allowed only for a loopback issuer (the local tenant). */
  readonly allowInsecure: boolean;
  /** Client-wide `/authorize` parameters; `scope` already holds the defaults. */
  readonly authorizationParams: Readonly<AuthorizationParams> & { readonly scope: string };
  readonly useRefreshTokens: boolean;
  readonly silentAuth: boolean;
  /** Sender-constrained tokens (RFC 9449): what `dpop()` of `@sesame/core/dpop` returned. */
  readonly dpop: DpopOption | undefined;
  /** Seconds. */
  readonly leeway: number;
  readonly authorizeTimeoutMs: number;
  readonly httpTimeoutMs: number;
  readonly storage: 'indexeddb' | 'memory' | AuthStorage;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly lock: AuthLock | undefined;
  readonly random: () => string;
}

const DEFAULT_SCOPE = 'openid profile email';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for https, and for plain http only on a loopback host (the local tenant). */
export const isSecureEnough = (url: URL): boolean =>
  url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));

function fail(option: string, expected: string): never {
  throw new TypeError(`"options.${option}" must be ${expected}`);
}

function seconds(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(option, 'a number ≥ 0');
  return value;
}

function flag(value: unknown, option: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(option, 'a boolean');
  return value;
}

function fn<T>(value: T | undefined, option: string, fallback: NonNullable<T>): NonNullable<T> {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') fail(option, 'a function');
  return value as NonNullable<T>;
}

/** Joins scopes, dropping repeats and blanks, in first-seen order. */
export function joinScopes(...scopes: (string | undefined)[]): string {
  return [...new Set(scopes.join(' ').split(/\s+/).filter(Boolean))].join(' ');
}

function parseServer(options: AuthClientOptions): { mode: 'auth0' | 'oidc'; issuer: URL } {
  const { domain, issuer } = options;
  if ((domain === undefined) === (issuer === undefined)) fail('domain', 'given, or else "options.issuer"');
  const value = (domain ?? issuer) as unknown;
  const option = domain !== undefined ? 'domain' : 'issuer';
  if (typeof value !== 'string' || !value) fail(option, 'a non-empty string');
  const bare = domain !== undefined && !/^https?:\/\//.test(value);
  let url: URL;
  try {
    url = new URL(bare ? `https://${value}` : value);
  } catch {
    fail(option, 'a host name or an http(s) URL');
  }
  // A local tenant almost always speaks plain http: guessing https would fail every request.
  if (bare && LOOPBACK.has(url.hostname)) {
    fail(option, `a URL with its scheme for a loopback host, e.g. "http://${value}"`);
  }
  if (!isSecureEnough(url)) {
    fail(option, 'https (plain http only for localhost, 127.0.0.1 or [::1])');
  }
  // Auth0's issuer is the origin with a trailing slash; an OIDC issuer is used exactly as given.
  return {
    mode: domain !== undefined ? 'auth0' : 'oidc',
    issuer: domain !== undefined ? new URL(`${url.origin}/`) : url,
  };
}

/**
 * Validates `createAuthClient()` options and applies the defaults, once.
 *
 * @throws {TypeError} naming the first bad option.
 */
export function resolveConfig(options: AuthClientOptions): ResolvedConfig {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  if (typeof options.clientId !== 'string' || !options.clientId) fail('clientId', 'a non-empty string');
  const { mode, issuer } = parseServer(options);
  const params = options.authorizationParams ?? {};
  if (typeof params !== 'object' || params === null) fail('authorizationParams', 'an object');
  if (params.redirect_uri !== undefined && typeof params.redirect_uri !== 'string') {
    fail('authorizationParams.redirect_uri', 'a string');
  }
  const useRefreshTokens = flag(options.useRefreshTokens, 'useRefreshTokens', true);
  const storage = options.storage ?? 'indexeddb';
  if (
    storage !== 'indexeddb' &&
    storage !== 'memory' &&
    !(
      typeof storage === 'object' &&
      ['get', 'set', 'del', 'clear'].every((m) => typeof storage[m as 'get'] === 'function')
    )
  ) {
    fail('storage', '"indexeddb", "memory" or an object with get, set, del and clear');
  }
  if (options.dpop !== undefined && typeof options.dpop?.create !== 'function') {
    fail('dpop', 'what dpop() of @sesame/core/dpop returns');
  }
  if (options.lock !== undefined && typeof options.lock?.run !== 'function')
    fail('lock', 'an object with run()');
  const scope = joinScopes('openid', params.scope ?? DEFAULT_SCOPE, useRefreshTokens ? 'offline_access' : '');
  return Object.freeze({
    clientId: options.clientId,
    mode,
    issuer: issuer.href,
    origin: issuer.origin,
    allowInsecure: issuer.protocol === 'http:',
    authorizationParams: Object.freeze({ ...params, scope }),
    useRefreshTokens,
    silentAuth: flag(options.silentAuth, 'silentAuth', true),
    dpop: options.dpop,
    leeway: seconds(options.leeway, 'leeway', 60),
    authorizeTimeoutMs: seconds(options.authorizeTimeoutInSeconds, 'authorizeTimeoutInSeconds', 60) * 1000,
    httpTimeoutMs: seconds(options.httpTimeoutInSeconds, 'httpTimeoutInSeconds', 10) * 1000,
    storage,
    fetch: fn(options.fetch, 'fetch', (...args: Parameters<typeof fetch>) => globalThis.fetch(...args)),
    now: fn(options.now, 'now', Date.now),
    lock: options.lock,
    random: fn(options.random, 'random', randomString),
  });
}
