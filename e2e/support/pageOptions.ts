// Runs in the pages under test (the core page and the demos' e2e builds), not in Node.
import type { AuthClientOptions } from '@sesame/core';

declare global {
  interface Window {
    __pageOptions?: Partial<AuthClientOptions>;
  }
}

const key = 'sesame-e2e-options';
const prefix = `#${key}=`;

/** The URL fragment that hands a page client options (see {@link pageOptions}). */
export const optionsFragment = (options: object): string =>
  `${prefix}${encodeURIComponent(JSON.stringify(options))}`;

/**
 * The client options a test gave this page: `window.__pageOptions` (set by Playwright's
 * `addInitScript`), else those of the URL fragment {@link optionsFragment} — kept in
 * `sessionStorage` so they outlive the redirect to the tenant and back, and taken off the URL.
 * The fragment exists for drivers with no init scripts (classic WebDriver, for WebKit).
 */
export function pageOptions(): Partial<AuthClientOptions> {
  if (window.__pageOptions) return window.__pageOptions;
  if (location.hash.startsWith(prefix)) {
    sessionStorage.setItem(key, decodeURIComponent(location.hash.slice(prefix.length)));
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Partial<AuthClientOptions>;
}
