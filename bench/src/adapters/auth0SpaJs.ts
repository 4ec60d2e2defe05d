import { Auth0Client, type Auth0ClientOptions } from '@auth0/auth0-spa-js';
import type { AdapterFactory } from './Adapter.js';
import { answered } from './answered.js';
import { required } from './required.js';

/**
 * auth0-spa-js with refresh tokens and the localStorage cache: its configuration that keeps
 * a session across reloads and tabs. `domain` may carry the `http://` scheme. On a page of the
 * DPoP scenario: `useDpop` when DPoP is on, and the API called through its `createFetcher()`.
 */
export const auth0SpaJs: AdapterFactory = (config) => {
  const options: Auth0ClientOptions = {
    domain: config.origin,
    clientId: config.clientId,
    authorizationParams: { redirect_uri: config.redirectUri, audience: config.audience, scope: config.scope },
    useRefreshTokens: true,
    cacheLocation: 'localstorage',
    ...(config.apiPage?.dpop && { useDpop: true }),
  };
  const client = new Auth0Client(options);
  // Its fetcher signs a proof only when given a `dpopNonceId` (the key it keeps the API's nonces under).
  const api =
    config.apiPage &&
    client.createFetcher({
      baseUrl: config.api.url,
      ...(config.apiPage.dpop && { dpopNonceId: 'bench-api' }),
    });
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
    // Its fetcher asks getTokenSilently() for `audience: undefined` unless told, which is not the client's default.
    ...(api && {
      callApi: async () =>
        answered(await api.fetchWithAuth(config.api.url, undefined, { audience: config.audience })),
    }),
  };
};
