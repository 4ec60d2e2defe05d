// Minimal app: create, login with redirect, handle the callback, get a token, log out.
import { Auth0Client } from '@auth0/auth0-spa-js';
import { appConfig } from './appConfig.js';

const client = new Auth0Client({
  domain: appConfig.origin,
  clientId: appConfig.clientId,
  authorizationParams: { redirect_uri: appConfig.redirectUri, audience: appConfig.audience },
});
if (location.search.includes('code=')) await client.handleRedirectCallback();
document.querySelector('#login')?.addEventListener('click', () => client.loginWithRedirect());
document.querySelector('#logout')?.addEventListener('click', () => client.logout());
document.body.dataset.token = await client.getTokenSilently();
