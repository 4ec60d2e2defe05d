// A hand-written fake AuthClient for the React and Vue bindings' tests: a controllable
// snapshot and recorded calls, no OAuth. Shared by both, so it lives outside either package.
import {
  type AuthClient,
  AuthError,
  type AuthSnapshot,
  type IdTokenClaims,
  type RedirectLoginResult,
  type User,
} from '@sesame/core';

/**
 * A hand-written stand-in for the core's client: a store whose snapshot the test sets,
 * and methods that record their calls. Methods live on the prototype and use `this`,
 * so a binding that forgets to bind them fails.
 */
export class FakeClient implements AuthClient {
  snapshot: AuthSnapshot = { status: 'loading', user: undefined, error: undefined };
  readonly listeners = new Set<() => void>();
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  /** What `handleRedirectCallback()` does; by default signs `alice` in and returns `appState`. */
  callback: () => Promise<RedirectLoginResult<unknown>> = async () => {
    this.set({ status: 'authenticated', user: alice });
    return { appState: { returnTo: '/from-state' } };
  };

  set(next: Partial<AuthSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  getSnapshot(): AuthSnapshot {
    return this.snapshot;
  }
  async loginWithRedirect(...args: unknown[]): Promise<void> {
    this.record('loginWithRedirect', args);
  }
  async handleRedirectCallback<T>(...args: unknown[]): Promise<RedirectLoginResult<T>> {
    this.record('handleRedirectCallback', args);
    try {
      return (await this.callback()) as RedirectLoginResult<T>;
    } catch (e) {
      // As the core does: the error is published in the snapshot as well as rejected.
      this.set({ status: 'unauthenticated', error: e as AuthError });
      throw e;
    }
  }
  async loginWithPopup(...args: unknown[]): Promise<void> {
    this.record('loginWithPopup', args);
  }
  getTokenSilently(...args: unknown[]): Promise<never> {
    this.record('getTokenSilently', args);
    return Promise.resolve('access-token' as never);
  }
  async getTokenWithPopup(...args: unknown[]): Promise<string> {
    this.record('getTokenWithPopup', args);
    return 'popup-token';
  }
  async checkSession(...args: unknown[]): Promise<void> {
    this.record('checkSession', args);
  }
  async isAuthenticated(): Promise<boolean> {
    return this.snapshot.status === 'authenticated';
  }
  async getUser(): Promise<User | undefined> {
    return this.snapshot.user;
  }
  async getIdTokenClaims(): Promise<IdTokenClaims | undefined> {
    this.record('getIdTokenClaims', []);
    const user = this.snapshot.user;
    return user && { ...user, iss: 'https://issuer/', aud: 'abc', exp: 2, iat: 1, __raw: 'x.y.z' };
  }
  async logout(...args: unknown[]): Promise<void> {
    this.record('logout', args);
    this.set({ status: 'unauthenticated', user: undefined });
  }
}

export const alice: User = { sub: 'auth0|alice', name: 'Alice' };

export const accessDenied = new AuthError('access_denied', 'User did not authorize the request');
