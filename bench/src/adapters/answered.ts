/**
 * The status of an API answer, or an error (with the API's challenge) when it is not a success.
 * Every adapter's `callApi` goes through this (one `async` wrapper, one `await`, one check), as
 * `getToken*` go through `required()`, so that no library's call path is shorter than another's.
 */
export function answered(response: Response): string {
  if (!response.ok) {
    const challenge = response.headers.get('www-authenticate');
    throw new Error(`the API answered ${response.status}${challenge ? `: ${challenge}` : ''}`);
  }
  return String(response.status);
}
