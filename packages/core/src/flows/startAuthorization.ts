import { joinScopes } from '../config/resolveConfig.js';
import type { ClientContext } from '../context.js';
import { codeChallenge } from '../oauth/codeChallenge.js';
import type { Transaction } from '../transactions/createTransactionStore.js';
import type { AuthorizationParams } from '../types.js';

/**
 * Builds an `/authorize` URL (PKCE S256, state, nonce) from the client's parameters and the
 * call's, and the transaction that its response must match.
 */
export async function startAuthorization(
  ctx: ClientContext,
  params: AuthorizationParams | undefined,
  responseMode?: 'web_message',
): Promise<{ url: URL; tx: Transaction }> {
  const { config, server } = ctx;
  if (params !== undefined && (typeof params !== 'object' || params === null)) {
    throw new TypeError('"options.authorizationParams" must be an object');
  }
  const merged: AuthorizationParams = { ...config.authorizationParams, ...params };
  const scope = joinScopes(config.authorizationParams.scope, params?.scope);
  const redirectUri = merged.redirect_uri ?? globalThis.location?.origin;
  if (!redirectUri)
    throw new TypeError('"authorizationParams.redirect_uri" is required outside a browser page');
  const as = await server.metadata();
  const tx: Transaction = {
    state: config.random(),
    nonce: config.random(),
    codeVerifier: config.random(),
    redirectUri,
    issuer: as.issuer,
    audience: merged.audience,
    scope,
    organization: merged.organization,
    maxAge: merged.max_age === undefined ? undefined : Number(merged.max_age),
  };
  const url = new URL(as.authorization_endpoint as string);
  const parameters = Object.entries({
    ...merged,
    client_id: config.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state: tx.state,
    nonce: tx.nonce,
    code_challenge: await codeChallenge(tx.codeVerifier),
    code_challenge_method: 'S256',
    response_mode: responseMode,
  });
  for (const [name, value] of parameters) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return { url, tx };
}
