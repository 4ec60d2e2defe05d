import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import { readTokenResponse } from '../oauth/readTokenResponse.js';
import { type StoredSession, type StoredToken, tokenKey } from '../storage/createTokenStore.js';
import type { IdTokenClaims, TokenResponse, User } from '../types.js';
import { accessTokenLifetime } from './accessTokenLifetime.js';
import { checkIdTokenClaims } from './checkIdTokenClaims.js';
import { limitResponseSize } from './limitResponseSize.js';

/** A token-endpoint response to accept, and what it must match. */
export interface AcceptTokensInput {
  /** The unread response of the token endpoint. */
  readonly response: Response;
  /**
   * Which grant answered. `login`: any further grant, which signs a user in
   * without a redirect (password, passwordless, MFA, device code, token exchange): an ID token is
   * required and, as after a redirect, it may be another user's. Only `refresh_token` keeps the user.
   */
  readonly grant: 'authorization_code' | 'refresh_token' | 'login';
  readonly audience: string | undefined;
  /** The scope that was asked for: with `audience`, the store key of the tokens. */
  readonly scope: string;
  /** The transaction's nonce (authorization code grant). */
  readonly nonce?: string;
  readonly maxAge?: number;
  /** The organization asked for: the ID token's `org_id` (or `org_name`) must match it. */
  readonly organization?: string;
  /** The refresh token that was sent: kept when the response brings no new one. */
  readonly previousRefreshToken?: string;
}

// Protocol claims that say nothing about the user.
const PROTOCOL_CLAIMS = new Set([
  'iss',
  'aud',
  'azp',
  'exp',
  'nbf',
  'iat',
  'jti',
  'nonce',
  'auth_time',
  'at_hash',
  'c_hash',
  'sid',
  'cnf',
]);

function checkOrganization(claims: Record<string, unknown>, organization: string | undefined): void {
  if (organization === undefined) return;
  // Auth0: an id (`org_…`) is compared with `org_id`, a name with `org_name` (case-insensitive).
  const matches = organization.startsWith('org_')
    ? claims.org_id === organization
    : typeof claims.org_name === 'string' && claims.org_name.toLowerCase() === organization.toLowerCase();
  if (!matches) throw new AuthError('invalid_response', 'the ID token is not for the requested organization');
}

/**
 * The one way tokens enter a session, whatever the grant: the response is validated
 * (`readTokenResponse`), the ID-token signature is verified against the JWKS and its claims are
 * checked (`checkIdTokenClaims`: issuer, audience, times, nonce, `max_age`; a refreshed one keeps
 * the session's `sub`); then the token store is written, the auth-state store
 * publishes the new user, and other tabs are told. If any check fails nothing is stored and
 * the error (an `AuthError`) names no token.
 *
 * @param ctx - The client's modules.
 * @param input - The token-endpoint response and what it must match.
 * @returns The accepted tokens, as `getTokenSilently({ detailedResponse: true })` returns them.
 * @throws {AuthError} `rate_limited`, `server_error`, the server's OAuth error code, `mfa_required`
 *   (an `MfaRequiredError`), or `invalid_response`.
 * @example
 * const response = await server.request((http) =>
 *   tokenRequest(as, clientId, { grant_type: 'refresh_token', refresh_token: stored }, http),
 * );
 * await acceptTokens(ctx, { response, grant: 'refresh_token', audience, scope, previousRefreshToken: stored });
 */
export async function acceptTokens(ctx: ClientContext, input: AcceptTokensInput): Promise<TokenResponse> {
  const { server, tokens, config } = ctx;
  const { status } = input.response;
  if (status === 429) throw new AuthError('rate_limited', 'the token endpoint is rate limited');
  if (status >= 500) throw new AuthError('server_error', `the token endpoint answered ${status}`);
  const response = await limitResponseSize(input.response);
  const as = await server.metadata();
  const previous = await tokens.readSession();
  // A logout (here or in another tab) while the refresh was on its way ends it: no resurrection.
  if (input.grant === 'refresh_token' && !previous)
    throw new AuthError('login_required', 'the session ended');
  const { body: result, idToken } = await server.request(async (http) => {
    const read = await readTokenResponse(response);
    if (read.idToken) await ctx.verifyIdToken(as, read.idToken, http);
    return read;
  });
  // The server ignored the proof: never a silent downgrade to tokens a thief could use.
  if (server.dpop && result.token_type !== 'dpop') {
    throw new AuthError(
      'configuration_error',
      'the server answered a DPoP token request with a Bearer token: it does not support DPoP for this application',
    );
  }
  const now = config.now();
  // A login (with or without a redirect) brings its own ID token and may be another user's;
  // a refresh keeps the session's user.
  let session = input.grant === 'refresh_token' ? previous : undefined;
  if (idToken) {
    const { claims } = idToken;
    checkOrganization(claims, input.organization);
    checkIdTokenClaims(claims, {
      issuer: as.issuer,
      clientId: config.clientId,
      now: now / 1000,
      leeway: config.leeway,
      ...(input.grant === 'authorization_code' && { nonce: input.nonce }),
      ...(input.maxAge !== undefined && { maxAge: input.maxAge }),
      ...(session && { previous: session.claims }),
    });
    const entries = Object.entries(claims);
    session = {
      idToken: idToken.raw,
      claims: Object.fromEntries(entries) as StoredSession['claims'],
      user: Object.fromEntries(entries.filter(([name]) => !PROTOCOL_CLAIMS.has(name))) as User,
    };
  }
  if (!session) throw new AuthError('invalid_response', 'the token response has no ID token');
  // Another user signed in: nothing of the previous one may stay.
  if (previous && previous.claims.sub !== session.claims.sub) await tokens.clear();
  const token: StoredToken = {
    accessToken: result.access_token,
    tokenType: result.token_type,
    scope: result.scope,
    issuedAt: now,
    expiresAt: now + accessTokenLifetime(result, now / 1000) * 1000,
    refreshToken: result.refresh_token ?? input.previousRefreshToken,
  };
  // One write (one IndexedDB transaction) for the session and its tokens.
  await tokens.writeTokens(
    tokenKey(input.audience, input.scope),
    token,
    session !== previous ? session : undefined,
  );
  ctx.store.publish({ status: 'authenticated', user: session.user, error: undefined });
  ctx.sync.post({ type: 'update' });
  return toTokenResponse(token, session, config.now());
}

/** The public view of stored tokens: never the refresh token. */
export function toTokenResponse(
  token: StoredToken,
  session: StoredSession | undefined,
  now: number,
): TokenResponse {
  return {
    access_token: token.accessToken,
    id_token: session?.idToken,
    token_type: token.tokenType,
    scope: token.scope,
    expires_in: Math.max(0, Math.floor((token.expiresAt - now) / 1000)),
  };
}

/** The claims of a stored session with the raw ID token, as `getIdTokenClaims()` returns them. */
export function toIdTokenClaims(session: StoredSession): IdTokenClaims {
  return { ...session.claims, __raw: session.idToken } as IdTokenClaims;
}
