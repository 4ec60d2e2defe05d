import type { AuthorizationServer } from '../oauth/types.js';
import type { AuthStorage } from '../types.js';

/** Seconds a discovery document is kept when its answer has no `Cache-Control: max-age`: one hour. */
export const DISCOVERY_DEFAULT_MAX_AGE = 3600;
/** The longest a discovery document is kept, whatever its `max-age` says: one day (seconds). */
export const DISCOVERY_MAX_AGE_LIMIT = 86_400;

/** A discovery document in the client's storage (key `discovery`), with what makes it usable. */
export interface StoredDiscovery {
  /** The issuer the client was configured with when the document was fetched. */
  readonly issuer: string;
  /** Until when it may be used: milliseconds since the epoch, on the client's clock. */
  readonly expiresAt: number;
  readonly document: AuthorizationServer;
}

/** Where {@link discovery} keeps the document between page loads, and the clock it keeps it by. */
export interface DiscoveryCache {
  readonly storage: AuthStorage;
  readonly now: () => number;
  /** What the client's start-up read found under the key `discovery`: used instead of reading it again. */
  readonly stored?: Promise<unknown>;
}

// The start-up read of createAuthClient.ts reads this key too.
const KEY = 'discovery';

/** True when `claimed` names `issuer` (as URLs: an issuer spelled without its trailing slash matches). */
const sameIssuer = (claimed: unknown, issuer: string) => {
  try {
    return typeof claimed === 'string' && new URL(claimed).href === new URL(issuer).href;
  } catch {
    // Not a URL: not the expected issuer.
    return false;
  }
};

/**
 * How many seconds an answer may be kept, from its `Cache-Control`: none with `no-store` or
 * `no-cache` (nothing here can revalidate), else `max-age` less the `Age` a shared cache added,
 * {@link DISCOVERY_DEFAULT_MAX_AGE} without a `max-age`, never more than {@link DISCOVERY_MAX_AGE_LIMIT}.
 */
export function freshFor(headers: Headers): number {
  const directives = headers.get('cache-control')?.toLowerCase() ?? '';
  if (/(^|,)\s*no-(store|cache)\b/.test(directives)) return 0;
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/.exec(directives)?.[1];
  const seconds = maxAge === undefined ? DISCOVERY_DEFAULT_MAX_AGE : Number(maxAge);
  return Math.max(0, Math.min(seconds, DISCOVERY_MAX_AGE_LIMIT) - (Number(headers.get('age')) || 0));
}

/** The stored document, when it is for `issuer`, still fresh, and not fresh beyond the limit (a clock set back). */
function usable(stored: unknown, issuer: string, now: number): AuthorizationServer | undefined {
  const entry = stored as Partial<StoredDiscovery> | undefined;
  return entry?.issuer === issuer &&
    typeof entry.expiresAt === 'number' &&
    entry.expiresAt > now &&
    entry.expiresAt <= now + DISCOVERY_MAX_AGE_LIMIT * 1000 &&
    sameIssuer(entry.document?.issuer, issuer)
    ? entry.document
    : undefined;
}

/**
 * The OpenID discovery document of `issuer`. With a `cache`, a stored document is used while it is
 * fresh and for this very issuer; otherwise, or when the storage fails, it is fetched and checked:
 * a 200 answer whose body is a JSON object with an `issuer` that equals `issuer` as a URL (OpenID
 * Connect Discovery §4.3). A fetched document is stored for as long
 * as its `Cache-Control` allows (see {@link freshFor}); a failed write only costs a fetch later.
 * Loaded with `import()` in OIDC mode only, so it imports nothing at run time: any code it shared
 * with the entry would be split into a chunk of its own that every app loads at start.
 *
 * @throws {Error} (mapped to `invalid_response` by the caller) when the fetched document does not pass.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 * @see https://www.rfc-editor.org/rfc/rfc9111.html#section-5.2.2 (`Cache-Control` response directives)
 */
export async function discovery(
  issuer: string,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal,
  cache?: DiscoveryCache,
): Promise<AuthorizationServer> {
  const stored = cache && (await (cache.stored ?? cache.storage.get(KEY)).catch(() => undefined));
  const known = cache && usable(stored, issuer, cache.now());
  if (known) return known;
  const url = new URL(issuer);
  url.pathname = `${url.pathname}/.well-known/openid-configuration`.replace('//', '/');
  const response = await fetch(url.href, {
    headers: { accept: 'application/json' },
    redirect: 'manual',
    signal,
  });
  const invalid = (problem: string) => new Error(`the discovery document ${problem}`);
  if (response.status !== 200) throw invalid(`answered HTTP ${response.status}`);
  const json: unknown = await response.json().catch(() => undefined);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid('is not a JSON object');
  if (!sameIssuer((json as { issuer?: unknown }).issuer, issuer)) {
    throw invalid(`is for another issuer than ${issuer}`);
  }
  const document = json as AuthorizationServer;
  if (cache) {
    const seconds = freshFor(response.headers);
    const entry: StoredDiscovery = { issuer, expiresAt: cache.now() + seconds * 1000, document };
    await (seconds > 0 ? cache.storage.set(KEY, entry) : cache.storage.del(KEY)).catch(() => undefined);
  }
  return document;
}
