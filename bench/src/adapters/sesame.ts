import { createAuthClient } from '@sesame/core';
import type { AdapterFactory } from './Adapter.js';
import { required } from './required.js';

/** Sesame with its default configuration (IndexedDB store, refresh tokens, Web Locks). */
export const sesame: AdapterFactory = (config) => {
  const options = {
    domain: config.origin,
    clientId: config.clientId,
    authorizationParams: { redirect_uri: config.redirectUri, audience: config.audience },
  };
  const client = createAuthClient(options);
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
  };
};
