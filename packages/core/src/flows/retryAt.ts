import type { StoredToken } from '../storage/createTokenStore.js';

/**
 * The back-off after a failed refresh, kept with the token so that every tab waits it out:
 * 1, 2, 4 … 30 s after consecutive failures, or the server's `Retry-After` (seconds or an HTTP
 * date) when longer, up to 10 minutes.
 *
 * @param now - The client's clock (ms).
 * @param previous - The back-off of the last failure, if the last refresh failed too.
 * @param code - The error code a call made during the back-off rejects with.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 */
export function retryAt(
  now: number,
  previous: StoredToken['retry'],
  code: string,
  response?: Response,
): NonNullable<StoredToken['retry']> {
  const failures = (previous?.failures ?? 0) + 1;
  const header = response?.headers.get('retry-after')?.trim() ?? '';
  const asked = /^\d+$/.test(header) ? Number(header) : (Date.parse(header) - now) / 1000;
  const seconds = Math.max(Math.min(2 ** (failures - 1), 30), Math.min(asked, 600) || 0);
  return { at: now + seconds * 1000, failures, code };
}
