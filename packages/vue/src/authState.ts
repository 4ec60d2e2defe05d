import type { AuthClient, AuthError, IdTokenClaims, User } from '@sesame/core';
import { type ComputedRef, computed, getCurrentScope, onScopeDispose, type Ref, shallowRef } from 'vue';

/**
 * The auth state as read-only refs.
 *
 * @example
 * const { isAuthenticated, user }: AuthState = useAuth();
 * watch(isAuthenticated, (signedIn) => console.log(signedIn ? user.value?.name : 'signed out'));
 */
export interface AuthState {
  /** True until the stored session has been read and the plugin's callback or session check is done. */
  isLoading: ComputedRef<boolean>;
  /** True when the snapshot's status is `authenticated`. */
  isAuthenticated: ComputedRef<boolean>;
  /** The signed-in user's claims, or `undefined` when signed out. */
  user: ComputedRef<User | undefined>;
  /** The validated ID token's claims; follows `user`. */
  idTokenClaims: ComputedRef<IdTokenClaims | undefined>;
  /** The last error of a login, callback or session check; cleared by the next success. */
  error: ComputedRef<AuthError | undefined>;
}

/**
 * Subscribes to the client's store for the lifetime of the current effect scope (a
 * component's `setup()`, or an `effectScope()`), and unsubscribes when that scope is disposed.
 * The snapshot sits in a `shallowRef`, so only a new snapshot object triggers updates.
 * `started` becomes true once the plugin's start-up (callback or session check) is done.
 */
export function authState(client: AuthClient, started: Readonly<Ref<boolean>>): AuthState {
  const snapshot = shallowRef(client.getSnapshot());
  const claims = shallowRef<IdTokenClaims>();
  let claimsOf: User | undefined;

  const read = () => {
    const next = client.getSnapshot();
    snapshot.value = next;
    if (next.user === claimsOf) return;
    // The snapshot carries the user, not the claims: ask for them whenever the user changes,
    // and drop an answer that arrives after the user changed again.
    const user = next.user;
    claimsOf = user;
    if (!user) claims.value = undefined;
    else
      client.getIdTokenClaims().then(
        (value) => {
          if (claimsOf === user) claims.value = value;
        },
        () => {}, // a failure is the core's to publish as the snapshot's `error`
      );
  };
  const unsubscribe = client.subscribe(read);
  read(); // the state may have changed between the first read and the subscription
  if (getCurrentScope()) onScopeDispose(unsubscribe);

  return {
    isLoading: computed(() => !started.value || snapshot.value.status === 'loading'),
    isAuthenticated: computed(() => snapshot.value.status === 'authenticated'),
    user: computed(() => snapshot.value.user),
    idTokenClaims: computed(() => claims.value),
    error: computed(() => snapshot.value.error),
  };
}
