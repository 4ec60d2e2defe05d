// The smallest real app of @sesame/core, bundled by scripts/size.mjs to measure the byte
// budget: create a client, log in by redirect, handle the callback, get a token, log out.
import { createAuthClient } from '../src/index.js';

const auth = createAuthClient({ domain: 'example.eu.auth0.com', clientId: 'abc' });
if (location.search.includes('state=')) await auth.handleRedirectCallback();
document.querySelector('#login')?.addEventListener('click', () => auth.loginWithRedirect());
document.querySelector('#logout')?.addEventListener('click', () => auth.logout());
auth.subscribe(() => console.log(auth.getSnapshot()));
console.log(await auth.getTokenSilently().catch(() => undefined));
