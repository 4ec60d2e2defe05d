import type { AuthClient } from './types.js';

/**
 * A client's members for a framework binding: everything except the store's own two
 * (`subscribe`, `getSnapshot`) and `isAuthenticated()`, which bindings replace with state of
 * the same name. Typed from the client given, so the methods `withAuthenticationApi()` adds
 * (`loginWithPassword`, `passwordless`, `mfa`, `device`, ...) are there too.
 *
 * @example
 * const { loginWithPopup, getTokenSilently }: ClientMethods = bindMethods(client);
 */
export type ClientMethods<TClient extends AuthClient = AuthClient> = Omit<
  TClient,
  'subscribe' | 'getSnapshot' | 'isAuthenticated'
>;

/**
 * The client's methods bound to it, so they can be destructured (`const { logout } = useAuth()`),
 * and its groups of methods (`passwordless`, `mfa`, `device`) as they are. Walks the prototype
 * chain, so class instances work as well as plain objects. Used by `@sesame/react` and
 * `@sesame/vue`; a method the client gains later appears without a change to them.
 *
 * @example
 * const { logout } = bindMethods(client);
 * await logout({ openUrl: false });
 */
export function bindMethods<TClient extends AuthClient>(client: TClient): ClientMethods<TClient> {
  const members: Record<string, unknown> = {};
  for (let o: object | null = client; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key === 'constructor' || Object.hasOwn(members, key)) continue;
      const value: unknown = Reflect.get(client, key);
      if (typeof value === 'function') members[key] = value.bind(client);
      else if (typeof value === 'object' && value !== null) members[key] = value;
    }
  }
  delete members.subscribe;
  delete members.getSnapshot;
  delete members.isAuthenticated;
  return members as ClientMethods<TClient>;
}
