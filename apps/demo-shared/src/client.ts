import { createAuthClient } from '@sesame/core';
import { withAuthenticationApi } from '@sesame/core/authentication';
import { sesameOptions } from './config';

/**
 * The demos' Sesame client, with the Authentication API's session methods (sign up, password,
 * email code, MFA, refresh-token revocation), which sign into the same session as a redirect
 * login. An app that logs in by redirect only passes `sesameOptions` to `<AuthProvider>` or
 * `createAuth()` instead, and ships less.
 */
export const auth = withAuthenticationApi(createAuthClient(sesameOptions));

/** The tenant's database connection: sign-ups and password logins go there. */
export const connection = 'Username-Password-Authentication';

/**
 * A second client that plays a device without a keyboard (a TV, a CLI) in the device code flow.
 * On Auth0, as on the local tenant, only a native application may use that flow: this one is
 * `sesame-device` (the demo's tenant allows the demos' origins for it), with a session of its own.
 */
export const deviceAuth = withAuthenticationApi(
  createAuthClient({
    ...sesameOptions,
    clientId: (import.meta.env.VITE_SESAME_DEVICE_CLIENT_ID as string | undefined) ?? 'sesame-device',
  }),
);
