// Minimal app: create, login with redirect, handle the callback, get a token, log out.
// `@okta/okta-auth-js/core` is the library's smallest entry point that has the OAuth flows.
import { OktaAuth } from '@okta/okta-auth-js/core';
import { appConfig } from './appConfig.js';

const auth = new OktaAuth({
  issuer: appConfig.origin,
  clientId: appConfig.clientId,
  redirectUri: appConfig.redirectUri,
  scopes: appConfig.scope.split(' '),
});
if (auth.isLoginRedirect()) await auth.handleLoginRedirect();
document.querySelector('#login')?.addEventListener('click', () => auth.signInWithRedirect());
document.querySelector('#logout')?.addEventListener('click', () => auth.signOut());
document.body.dataset.token = auth.getAccessToken();
