import { createAuthClient } from '@sesame/core';
import { dpop } from '@sesame/core/dpop';
import { createFetcher } from '@sesame/core/fetcher';
import type { AdapterFactory } from './Adapter.js';
import { answered } from './answered.js';
import { required } from './required.js';

/**
 * Sesame with its default configuration (IndexedDB store, refresh tokens, Web Locks). On a page
 * of the DPoP scenario it also asks for the API's scope, has `dpop: dpop()` when DPoP is on, and
 * calls the API through `createFetcher`.
 */
export const sesame: AdapterFactory = (config) => {
  const { apiPage } = config;
  const options = {
    domain: config.origin,
    clientId: config.clientId,
    authorizationParams: {
      redirect_uri: config.redirectUri,
      audience: config.audience,
      ...(apiPage && { scope: config.scope }),
    },
    ...(apiPage?.dpop && { dpop: dpop() }),
  };
  const client = createAuthClient(options);
  const api = apiPage && createFetcher(client, { baseUrl: config.api.url });
  return {
    start: async () => {
      await client.checkSession();
      return client.getSnapshot().status === 'authenticated';
    },
    login: () => client.loginWithRedirect(),
    handleCallback: async () => {
      await client.handleRedirectCallback();
    },
    getToken: async () => required(await client.getTokenSilently()),
    getTokenForced: async () => required(await client.getTokenSilently({ cacheMode: 'off' })),
    // Silent auth needs a client without refresh tokens, else the refresh token is used.
    silentAuth: async () =>
      required(
        await createAuthClient({ ...options, useRefreshTokens: false, storage: 'memory' }).getTokenSilently({
          cacheMode: 'off',
        }),
      ),
    logout: () => client.logout({ openUrl: false }),
    ...(api && { callApi: async () => answered(await api(config.api.url)) }),
  };
};
