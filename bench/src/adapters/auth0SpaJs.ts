import { Auth0Client, type Auth0ClientOptions } from '@auth0/auth0-spa-js';
import type { AdapterFactory } from './Adapter.js';
import { required } from './required.js';

/**
 * auth0-spa-js with refresh tokens and the localStorage cache: its configuration that keeps
 * a session across reloads and tabs. `domain` may carry the `http://` scheme.
 */
export const auth0SpaJs: AdapterFactory = (config) => {
  const options: Auth0ClientOptions = {
    domain: config.origin,
    clientId: config.clientId,
    authorizationParams: { redirect_uri: config.redirectUri, audience: config.audience, scope: config.scope },
    useRefreshTokens: true,
    cacheLocation: 'localstorage',
  };
  const client = new Auth0Client(options);
  return {
    start: async () => {
      await client.checkSession();
      return client.isAuthenticated();
    },
    login: () => client.loginWithRedirect(),
    handleCallback: async () => {
      await client.handleRedirectCallback();
      history.replaceState(null, '', location.pathname);
    },
    getToken: async () => required(await client.getTokenSilently()),
    getTokenForced: async () => required(await client.getTokenSilently({ cacheMode: 'off' })),
    // Without refresh tokens getTokenSilently uses the prompt=none iframe (response_mode=web_message).
    silentAuth: async () =>
      required(
        await new Auth0Client({
          ...options,
          useRefreshTokens: false,
          cacheLocation: 'memory',
        }).getTokenSilently({
          cacheMode: 'off',
        }),
      ),
    logout: () => client.logout({ openUrl: false }),
  };
};
