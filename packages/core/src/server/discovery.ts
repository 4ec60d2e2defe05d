import type { AuthorizationServer } from '../oauth/types.js';

/**
 * Fetches and validates the OpenID discovery document of `issuer`: a 200 answer whose body is a
 * JSON object with an `issuer` that equals `issuer` as a URL (OpenID Connect Discovery §4.3). Loaded with `import()` in OIDC mode only, so it imports nothing
 * at run time: any code it shared with the entry would be split into a chunk of its own that
 * every app loads at start.
 *
 * @throws {Error} (mapped to `invalid_response` by the caller) when the document does not pass.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export async function discovery(
  issuer: string,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal,
): Promise<AuthorizationServer> {
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
  const { issuer: claimed } = json as { issuer?: unknown };
  let same = false;
  try {
    same = typeof claimed === 'string' && new URL(claimed).href === new URL(issuer).href;
  } catch {
    // Not a URL: not the expected issuer.
  }
  if (!same) throw invalid(`is for another issuer than ${issuer}`);
  return json as AuthorizationServer;
}
