import { OktaAuth, type OktaAuthOptions } from '@okta/okta-auth-js/core';
import type { AdapterFactory } from './Adapter.js';
import { required } from './required.js';

/**
 * okta-auth-js (core entry) pointed at the tenant's Auth0-style endpoints, since by default it
 * builds Okta paths (`/oauth2/v1/...`). Tokens in localStorage, no auto-renew, `audience`
 * as an extra authorize parameter.
 */
export const oktaAuthJs: AdapterFactory = (config) => {
  const options: OktaAuthOptions = {
    issuer: config.origin,
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    scopes: config.scope.split(' '),
    pkce: true,
    authorizeUrl: `${config.issuer}authorize`,
    tokenUrl: `${config.issuer}oauth/token`,
    userinfoUrl: `${config.issuer}userinfo`,
    revokeUrl: `${config.issuer}oauth/revoke`,
    logoutUrl: `${config.issuer}oidc/logout`,
    tokenManager: { storage: 'localStorage', autoRenew: false, autoRemove: false },
    services: { autoRenew: false, autoRemove: false, syncStorage: true },
  };
  const auth = new OktaAuth(options);
  const extraParams = { audience: config.audience };
  return {
    start: () => auth.isAuthenticated(),
    login: () => auth.token.getWithRedirect({ extraParams }),
    handleCallback: async () => {
      const { tokens } = await auth.token.parseFromUrl();
      auth.tokenManager.setTokens(tokens);
      history.replaceState(null, '', location.pathname);
    },
    getToken: async () => {
      const stored = await auth.tokenManager.get('accessToken');
      if (stored && 'accessToken' in stored && !auth.tokenManager.hasExpired(stored))
        return required(stored.accessToken);
      return renewed(await auth.tokenManager.renew('accessToken'));
    },
    getTokenForced: async () => renewed(await auth.tokenManager.renew('accessToken')),
    // getWithoutPrompt() is Okta's prompt=none iframe; it listens for response_mode=okta_post_message.
    silentAuth: async () => {
      const { tokens } = await auth.token.getWithoutPrompt({ extraParams });
      if (!tokens.accessToken) throw new Error('no access token from getWithoutPrompt');
      return tokens.accessToken.accessToken;
    },
    logout: async () => auth.tokenManager.clear(),
  };
};

function renewed(token: unknown): string {
  if (token && typeof token === 'object' && 'accessToken' in token && typeof token.accessToken === 'string') {
    return token.accessToken;
  }
  throw new Error('renew returned no access token');
}
