/**
 * True in a browser page. On a server (server-side rendering in Node, Deno, Bun) there is no
 * `window`: no other tab to sync with and no IndexedDB to miss, so the client stays quiet there.
 */
export function inBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}
