// Minimal app: create, login with redirect, handle the callback, get a token, log out.
import { UserManager } from 'oidc-client-ts';
import { appConfig } from './appConfig.js';

const manager = new UserManager({
  authority: appConfig.issuer,
  client_id: appConfig.clientId,
  redirect_uri: appConfig.redirectUri,
  scope: appConfig.scope,
  extraQueryParams: { audience: appConfig.audience },
});
if (location.search.includes('code=')) await manager.signinRedirectCallback();
document.querySelector('#login')?.addEventListener('click', () => manager.signinRedirect());
document.querySelector('#logout')?.addEventListener('click', () => manager.signoutRedirect());
const user = (await manager.getUser()) ?? (await manager.signinSilent());
document.body.dataset.token = user?.access_token;
