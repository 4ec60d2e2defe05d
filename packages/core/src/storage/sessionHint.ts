/** See {@link sessionHint}. */
export interface SessionHint {
  /** True when a login succeeded on this origin and no logout or `login_required` followed. */
  has(): boolean;
  set(): void;
  clear(): void;
}

/**
 * A first-party flag in localStorage (`sesame:{clientId}:signed-in`, value `1`, never a token)
 * saying that a login succeeded here, as auth0-spa-js's `is.authenticated` cookie does. Start-up
 * opens the `prompt=none` iframe only with this evidence (or a stored session), so a first visit
 * settles at once. Where localStorage throws (blocked storage), there is no hint: no iframe at
 * start-up without a stored session.
 */
export function sessionHint(clientId: string): SessionHint {
  const key = `sesame:${clientId}:signed-in`;
  const attempt = <T>(use: (ls: Storage) => T): T | undefined => {
    try {
      return use(localStorage);
    } catch {
      return undefined;
    }
  };
  return {
    has: () => attempt((ls) => ls.getItem(key)) === '1',
    set: () => attempt((ls) => ls.setItem(key, '1')),
    clear: () => attempt((ls) => ls.removeItem(key)),
  };
}
