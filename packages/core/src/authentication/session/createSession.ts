// What every session method shares: the client's modules, the options of the endpoint functions,
// the audience and scope tokens are stored under, and the one way a login's answer enters the
// session (`acceptTokens`). Not exported from the subpath.
import { joinScopes } from '../../config/resolveConfig.js';
import { AuthError } from '../../errors/AuthError.js';
import { MfaRequiredError } from '../../errors/MfaRequiredError.js';
import { acceptTokens, type ClientContext, contextOf } from '../../internal.js';
import type { AuthClient } from '../../types.js';
import { fail } from '../http.js';
import type { ClientOptions, TokenEndpointResponse } from '../types.js';

/**
 * Where a login's tokens are stored: the key `getTokenSilently()` reads for the same audience and scope.
 * @example const target: TokenTarget = { audience: 'https://api.example', scope: 'openid profile email offline_access' };
 */
export interface TokenTarget {
  readonly audience: string | undefined;
  readonly scope: string;
}

/**
 * The `audience` and `scope` options of the session methods.
 * @example await auth.loginWithPassword({ username, password, audience: 'https://api.example', scope: 'read:messages' });
 */
export interface LoginTarget {
  /** The API to get an access token for. Default: the client's `authorizationParams.audience`. */
  audience?: string;
  /** Added to the client's scope (`openid profile email`, plus `offline_access` with refresh tokens). */
  scope?: string;
}

/**
 * The shared state of one client's session methods.
 * @example const tokens = await session.login(session.target({}), () => passwordGrant({ ...session.server, username, password }));
 */
export interface Session {
  readonly ctx: ClientContext;
  readonly client: AuthClient;
  /** `domain`, `clientId`, `fetch` and `timeoutInSeconds` of the client, for the endpoint functions. */
  readonly server: ClientOptions;
  /** The target of a call's `audience` and `scope` options, checked (a `TypeError` names a bad one). */
  target(options: LoginTarget, name?: string): TokenTarget;
  /**
   * Runs a grant as a login: after the client's first store read, validates and stores its answer
   * through `acceptTokens` (so the client ends up as after a redirect login). An `AuthError` other
   * than `authorization_pending`/`slow_down` is also published as the snapshot's `error`; the target of an `mfa_required` answer is kept
   * for `mfa.verify()` under its `mfaToken`.
   */
  login(target: TokenTarget, grant: () => Promise<TokenEndpointResponse>): Promise<TokenEndpointResponse>;
  /** Targets of logins waiting for a second factor (by `mfa_token`) or a device (by `device_code`). */
  readonly pending: Map<string, TokenTarget>;
}

const NOT_YET = new Set(['authorization_pending', 'slow_down']);

function optionalString(value: unknown, name: string): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || !value)) fail(name, 'a non-empty string');
  return value;
}

/**
 * The session methods' state for a client made by `createAuthClient()`.
 * @throws {TypeError} when `client` was not made by `createAuthClient()`.
 * @example const session = createSession(client);
 */
export function createSession(client: AuthClient): Session {
  const ctx = contextOf(client);
  const { config } = ctx;
  const pending = new Map<string, TokenTarget>();
  return {
    ctx,
    client,
    pending,
    server: {
      domain: config.origin,
      clientId: config.clientId,
      // With the dpop option, the login grants prove the client's key too: their tokens are bound.
      fetch: ctx.server.dpop?.tokenFetch(config.fetch, `${config.origin}/oauth/token`) ?? config.fetch,
      timeoutInSeconds: config.httpTimeoutMs / 1000,
    },
    target(options, name = 'options') {
      const audience = optionalString(options.audience, `${name}.audience`);
      const scope = optionalString(options.scope, `${name}.scope`);
      // As getTokenSilently() computes them, so that its default call finds these tokens.
      return {
        audience: audience ?? config.authorizationParams.audience,
        scope: joinScopes(config.authorizationParams.scope, scope),
      };
    },
    async login(target, grant) {
      // Waits for the client's first store read: its publish must not come after this login's.
      await client.isAuthenticated();
      try {
        const tokens = await grant();
        // The endpoint functions return the parsed body; acceptTokens validates a Response.
        const response = new Response(JSON.stringify(tokens), {
          headers: { 'content-type': 'application/json' },
        });
        await acceptTokens(ctx, { response, grant: 'login', ...target });
        return tokens;
      } catch (error) {
        if (error instanceof MfaRequiredError) pending.set(error.mfaToken, target);
        // "Not yet" (an MFA push awaiting approval) is no failure of the session.
        if (error instanceof AuthError && !NOT_YET.has(error.code)) ctx.store.publish({ error });
        throw error;
      }
    },
  };
}
