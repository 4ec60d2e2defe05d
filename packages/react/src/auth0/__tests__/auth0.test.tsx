import { Component, createContext } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render, update } from '../../__tests__/render.js';
import {
  type Auth0ContextInterface,
  Auth0Provider,
  type Auth0ProviderOptions,
  GenericError,
  initialContext,
  MissingRefreshTokenError,
  useAuth0,
  type WithAuth0Props,
  withAuth0,
  withAuthenticationRequired,
} from '../index.js';

// The real core with refresh tokens on and no fallback: start-up sends nothing, nothing is stored.
const options = { domain: 'http://127.0.0.1:9', clientId: 'demo', useRefreshTokens: true } as const;

let seen: Auth0ContextInterface | undefined;
function Capture() {
  seen = useAuth0();
  return <p>{seen.isLoading ? 'loading' : seen.isAuthenticated ? 'signed in' : 'signed out'}</p>;
}

const Other = createContext<Auth0ContextInterface>(initialContext);
let other: Auth0ContextInterface | undefined;
function ReadOther() {
  other = useAuth0(Other);
  return null;
}

class Name extends Component<WithAuth0Props & { label: string }> {
  override render() {
    const { auth0, label } = this.props;
    return <p>{`${label}:${auth0.isLoading ? 'loading' : String(auth0.isAuthenticated)}`}</p>;
  }
}

afterEach(() => {
  seen = undefined;
  window.history.replaceState(null, '', '/');
});

describe('@sesame/react/auth0 with the real core', () => {
  it("settles signed out; cache-only resolves undefined and a token rejects as auth0-spa-js's class", async () => {
    const { container } = await render(
      <Auth0Provider {...options}>
        <Capture />
      </Auth0Provider>,
    );
    await expect.poll(() => container.textContent).toBe('signed out');
    await expect(seen?.getAccessTokenSilently({ cacheMode: 'cache-only' })).resolves.toBeUndefined();
    const error = await seen?.getAccessTokenSilently().catch((e) => e);
    expect(error).toBeInstanceOf(MissingRefreshTokenError);
    expect(error).toBeInstanceOf(GenericError);
  });

  it("throws a TypeError naming the Sesame way when auth0-react's members Sesame does not offer are read", async () => {
    const { container } = await render(
      <Auth0Provider {...options}>
        <Capture />
      </Auth0Provider>,
    );
    await expect.poll(() => container.textContent).toBe('signed out');
    const context = seen as Auth0ContextInterface;
    expect(() => context.mfa).toThrow(TypeError);
    expect(() => context.mfa).toThrow(
      /"useAuth0\(\)\.mfa" is not supported by Sesame: .*withAuthenticationApi/,
    );
    expect(() => context.getDpopNonce).toThrow(/dpop\(\) from @sesame\/core\/dpop/);
    expect(() => initialContext.connectAccountWithRedirect).toThrow(/no Connected Accounts flow/);
  });

  it('refuses a ready client with a TypeError naming the Sesame way', async () => {
    const props = { ...options, client: {} } as unknown as Auth0ProviderOptions;
    await expect(render(<Auth0Provider {...props} />)).rejects.toThrow(
      /"options.client" is not supported by Sesame: .*AuthProvider/,
    );
  });

  it('puts a failed callback in error as a GenericError (an unknown state is missing_transaction)', async () => {
    window.history.replaceState(null, '', '/?code=abc&state=unknown');
    const { container } = await render(
      <Auth0Provider {...options}>
        <Capture />
      </Auth0Provider>,
    );
    await expect.poll(() => container.textContent).toBe('signed out');
    expect(seen?.error).toBeInstanceOf(GenericError);
    expect(seen?.error).toMatchObject({ error: 'missing_transaction' });
    expect(window.location.search).toBe('');
  });

  it('throws a TypeError naming the Sesame way for an unsupported option', async () => {
    const unsupported = { ...options, useDpop: true } as unknown as Auth0ProviderOptions;
    const failed = render(<Auth0Provider {...unsupported} />);
    await expect(failed).rejects.toThrow(/"options.useDpop" is not supported by Sesame/);
  });

  it('fills a context of your own, for nested providers', async () => {
    await render(
      <Auth0Provider {...options} context={Other}>
        <ReadOther />
        <Capture />
      </Auth0Provider>,
    );
    await expect.poll(() => other?.isLoading).toBe(false);
    // The default context is not filled by a provider with a context of its own.
    expect(seen?.isLoading).toBe(true);
    expect(() => seen?.loginWithRedirect()).toThrow(/wrap your component in <Auth0Provider>/);
  });

  it('withAuth0 gives a class component the auth0 prop', async () => {
    const WithName = withAuth0(Name);
    const { container } = await render(
      <Auth0Provider {...options}>
        <WithName label="signed in" />
      </Auth0Provider>,
    );
    await expect.poll(() => container.textContent).toBe('signed in:false');
  });

  it('withAuthenticationRequired runs onBeforeAuthentication, then logs in with returnTo', async () => {
    window.history.replaceState(null, '', '/private?tab=2');
    const steps: string[] = [];
    const Private = withAuthenticationRequired(() => <p>secret</p>, {
      onRedirecting: () => <p>redirecting</p>,
      onBeforeAuthentication: async () => void steps.push('before'),
      loginOptions: { openUrl: (url) => void steps.push(new URL(url).pathname) },
    });
    const { container } = await render(
      <Auth0Provider {...options}>
        <Private />
      </Auth0Provider>,
    );
    await expect.poll(() => steps).toEqual(['before', '/authorize']);
    expect(container.textContent).toBe('redirecting');
    await update(() => undefined);
  });
});
