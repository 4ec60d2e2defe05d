import type { AuthClientOptions } from '@sesame/core';
import { dpop } from '@sesame/core/dpop';
import { dpopOn } from './dpop';

/** The demo API (`apps/demo-api`); `VITE_API_URL` points the demos at another one. */
export const apiUrl: string = import.meta.env.VITE_API_URL ?? 'http://127.0.0.1:4001';

/**
 * The client options both demos use: the local tenant by default (`VITE_SESAME_DOMAIN` points
 * them at another, an Auth0 domain works too), and an access token for the demo API.
 * Use 127.0.0.1, not localhost: silent authentication needs the app and the tenant on one site.
 * DPoP is the demo's switch (Tokens page).
 */
export const sesameOptions: AuthClientOptions = {
  domain: (import.meta.env.VITE_SESAME_DOMAIN as string | undefined) ?? 'http://127.0.0.1:4000',
  clientId: import.meta.env.VITE_SESAME_CLIENT_ID ?? 'sesame-spa',
  authorizationParams: {
    redirect_uri: `${location.origin}/`,
    audience: 'https://api.sesame.test',
    scope: 'openid profile email read:messages',
  },
  ...(dpopOn() && { dpop: dpop() }),
};

/** Where the local tenant shows the emails it "sent" (passwordless codes): nothing is really sent. */
export const outboxUrl = `${sesameOptions.domain}/__dev/outbox.html`;
