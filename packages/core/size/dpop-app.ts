// The minimal app with DPoP on (`dpop()` of @sesame/core/dpop) and an API called through the fetcher: what sender-constrained
// tokens cost an app (scripts/size.mjs weighs it beside the minimal app).

import { dpop } from '../src/dpop/index.js';
import { createFetcher } from '../src/fetcher/index.js';
import { createAuthClient } from '../src/index.js';

const auth = createAuthClient({ domain: 'example.eu.auth0.com', clientId: 'abc', dpop: dpop() });
if (location.search.includes('state=')) await auth.handleRedirectCallback();
document.querySelector('#login')?.addEventListener('click', () => auth.loginWithRedirect());
document.querySelector('#logout')?.addEventListener('click', () => auth.logout());
auth.subscribe(() => console.log(auth.getSnapshot()));
const api = createFetcher(auth, { baseUrl: 'https://api.example.com' });
console.log(await api('/messages').catch(() => undefined));
