import type { ComponentType, Context, ReactNode } from 'react';
import { Auth0Context, type Auth0ContextInterface } from './Auth0Context.js';
import { useAuth0 } from './useAuth0.js';

/**
 * The prop {@link withAuth0} adds.
 *
 * @example
 * class Profile extends Component<WithAuth0Props> { render() { return this.props.auth0.user?.name; } }
 */
export interface WithAuth0Props {
  /** The auth0 context, as `useAuth0()` gives it. */
  auth0: Auth0ContextInterface;
}

/**
 * auth0-react's `withAuth0`: gives a (class) component the `auth0` prop, `useAuth0()`'s result.
 *
 * @example
 * export default withAuth0(class Profile extends Component<WithAuth0Props> {
 *   render() { return <p>Hello {this.props.auth0.user?.name}</p>; }
 * });
 */
export function withAuth0<P extends WithAuth0Props>(
  Component: ComponentType<P>,
  context: Context<Auth0ContextInterface> = Auth0Context,
): ComponentType<Omit<P, keyof WithAuth0Props>> {
  function WithAuth0(props: Omit<P, keyof WithAuth0Props>): ReactNode {
    return <Component {...(props as P)} auth0={useAuth0(context)} />;
  }
  WithAuth0.displayName = `withAuth0(${Component.displayName ?? Component.name})`;
  return WithAuth0;
}
