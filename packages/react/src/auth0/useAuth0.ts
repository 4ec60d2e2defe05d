import type { User } from '@sesame/core/auth0';
import { type Context, useContext } from 'react';
import { Auth0Context, type Auth0ContextInterface } from './Auth0Context.js';

/**
 * auth0-react's `useAuth0()`: the state and methods of the nearest `<Auth0Provider>` (or of
 * the one filling `context`). Outside a provider it returns `isLoading: true` and methods
 * that throw, as auth0-react does.
 *
 * @example
 * const { isLoading, isAuthenticated, user, loginWithRedirect, logout, getAccessTokenSilently } = useAuth0();
 */
export function useAuth0<TUser extends User = User>(
  context: Context<Auth0ContextInterface<User>> = Auth0Context,
): Auth0ContextInterface<TUser> {
  return useContext(context) as Auth0ContextInterface<TUser>;
}
