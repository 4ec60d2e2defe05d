const key = 'sesame-demo:dpop';

/**
 * Whether the demo's client uses DPoP (the `dpop` option): the demo's own switch, kept in
 * localStorage (a preference, no token). Off by default.
 */
export const dpopOn = (): boolean => localStorage.getItem(key) === 'on';

/**
 * Turns DPoP on or off. Tokens are bound to a key or not from the login on, so the switch signs
 * the user out here (the client is made once per page load) and reloads the page.
 */
export async function switchDpop(on: boolean, logout: () => Promise<void>): Promise<void> {
  await logout();
  localStorage.setItem(key, on ? 'on' : 'off');
  location.reload();
}
