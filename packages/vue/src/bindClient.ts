import type { AuthClient } from '@sesame/core';

/**
 * Every method of the client except the store's own two (`subscribe`, `getSnapshot`) and
 * `isAuthenticated()`, which the binding replaces with state of the same name.
 * A method the core adds later appears here without a change to this binding.
 *
 * @example
 * const { loginWithPopup, getTokenSilently }: ClientMethods = useAuth();
 */
export type ClientMethods = Omit<AuthClient, 'subscribe' | 'getSnapshot' | 'isAuthenticated'>;

/**
 * The client's methods bound to it, so they can be destructured (`const { logout } = useAuth()`).
 * Walks the prototype chain, so both class instances and plain objects work.
 */
export function bindClient(client: AuthClient): ClientMethods {
  const methods: Record<string, unknown> = {};
  for (let o: object | null = client; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) {
      const value: unknown = Reflect.get(client, key);
      if (typeof value === 'function' && key !== 'constructor' && !Object.hasOwn(methods, key)) {
        methods[key] = value.bind(client);
      }
    }
  }
  return methods as unknown as ClientMethods;
}
