// What both fixture apps share: the tenant, the application, the options a test may set, and
// the /userinfo call. The apps themselves use the official SDKs as their READMEs show.
declare const __TENANT_URL__: string;

/** Options a test sets with `page.addInitScript` before the app loads. */
export interface FixtureOptions {
  /** Ask for an API access token (Auth0's `audience`). */
  audience?: string;
}

declare global {
  interface Window {
    __fixtureOptions?: FixtureOptions;
  }
}

/** The tenant as the SDKs' `domain`: an explicit `http://127.0.0.1:PORT`, which they keep. */
export const domain = __TENANT_URL__;
/** The tenant application the fixture apps are (allowed origins set by global-setup). */
export const clientId = 'auth0-sdk-fixture';

/** `authorizationParams` of both SDKs: the app's root as the callback, and a test's audience. */
export function authorizationParams(): { redirect_uri: string; audience?: string } {
  const audience = window.__fixtureOptions?.audience;
  return { redirect_uri: `${location.origin}/`, ...(audience ? { audience } : {}) };
}

/** `GET /userinfo` with the access token; the user's email, or the HTTP status when refused. */
export async function callUserinfo(accessToken: string | undefined): Promise<string> {
  if (!accessToken) return 'no access token';
  const response = await fetch(`${domain}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!response.ok) return `userinfo HTTP ${response.status}`;
  const user = (await response.json()) as { email?: string };
  return `userinfo ${user.email}`;
}

/** An SDK error as the page shows it: Auth0's `error` code and description, never a token. */
export function describeError(error: unknown): string {
  const { error: code, error_description: description, message } = error as Record<string, string>;
  return `${code ?? 'error'}: ${description ?? message}`;
}
