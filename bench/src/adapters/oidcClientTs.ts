import { type User, UserManager, type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';
import type { AdapterFactory } from './Adapter.js';
import { required } from './required.js';

/**
 * oidc-client-ts's UserManager with the user kept in localStorage (shared by tabs, survives
 * reloads), no automatic renewal, and `audience` sent as an extra authorize parameter.
 */
export const oidcClientTs: AdapterFactory = (config) => {
  const settings: UserManagerSettings = {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    silent_redirect_uri: config.silentRedirectUri,
    scope: config.scope,
    extraQueryParams: { audience: config.audience },
    userStore: new WebStorageStateStore({ store: window.localStorage }),
    automaticSilentRenew: false,
  };
  const manager = new UserManager(settings);
  const token = (user: User | null): string => required(user?.access_token);
  return {
    start: async () => (await manager.getUser()) !== null,
    login: () => manager.signinRedirect(),
    handleCallback: async () => {
      await manager.signinRedirectCallback();
      history.replaceState(null, '', location.pathname);
    },
    getToken: async () => {
      const user = await manager.getUser();
      return user && !user.expired ? required(user.access_token) : token(await manager.signinSilent());
    },
    // signinSilent() uses the stored refresh token when there is one.
    getTokenForced: async () => token(await manager.signinSilent()),
    // A manager with an empty in-memory store has no refresh token: signinSilent() uses the iframe.
    silentAuth: async () =>
      token(
        await new UserManager({
          ...settings,
          userStore: new WebStorageStateStore({ store: new InMemoryStorage() }),
        }).signinSilent(),
      ),
    logout: () => manager.removeUser(),
    handleSilentCallback: () => new UserManager(settings).signinSilentCallback(),
  };
};

/** A `Storage` that forgets everything on reload. */
class InMemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
}
