import type { AuthClient, AuthClientOptions } from './types.js';

/** Creates a Sesame client. (Implementation in progress.) */
export function createAuthClient(_options: AuthClientOptions): AuthClient {
  throw new Error('not implemented yet');
}
