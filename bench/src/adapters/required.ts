/**
 * The token a library resolved, or an error when it resolved without one. Every adapter's
 * `getToken*` goes through this (one `async` wrapper, one `await`, one check), so that no library's
 * call path in the benchmark is shorter than another's.
 */
export function required(token: string | undefined | null): string {
  if (!token) throw new Error('resolved without an access token');
  return token;
}
