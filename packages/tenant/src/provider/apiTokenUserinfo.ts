import { createPublicKey } from 'node:crypto';
import * as jose from 'jose';
import type { Middleware } from 'koa';
import { allowCors } from '../http/auth0Api.js';
import type { PrivateJwk } from '../keys.js';
import type { TenantServices } from '../routes/TenantRoute.js';
import { OIDC_CLAIMS, userinfoAudience } from './auth0AccessTokens.js';
import { auth0Routes } from './auth0Routes.js';
import { findAccountIn } from './findAccount.js';
import { userinfoDpopProofError } from './userinfoDpopProof.js';

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** A 401 as oidc-provider's `/userinfo` answers it, in the scheme the client used. */
function invalidToken(
  ctx: Parameters<Middleware>[0],
  description: string,
  scheme = 'Bearer',
  error = 'invalid_token',
): void {
  ctx.status = 401;
  ctx.set(
    'www-authenticate',
    `${scheme} realm="${ctx.host}", error="${error}", error_description="${description}"`,
  );
  ctx.body = { error, error_description: description };
}

/**
 * `/userinfo` for an API access token (an RS256 JWT whose `aud` names `{issuer}userinfo`, see
 * `auth0AccessTokens.ts`), as Auth0 accepts it. oidc-provider's `/userinfo` refuses tokens with
 * an audience and does not store JWT access tokens, so the tenant checks these itself:
 * signature by the tenant's keys, issuer, audience, expiry; then it answers the claims of the
 * token's OIDC scopes. A DPoP-bound one (`cnf.jkt`) only as `Authorization: DPoP` with a valid
 * proof of its key (see `userinfoDpopProofError`), as oidc-provider and Auth0 take bound tokens.
 * Other requests (opaque tokens, no token) go on to oidc-provider.
 *
 * @param tenant - the issuer, users and configuration.
 * @param signingKeys - the tenant's private signing keys; only their public halves are used.
 */
export function apiTokenUserinfo(tenant: TenantServices, signingKeys: readonly PrivateJwk[]): Middleware {
  const keys = jose.createLocalJWKSet({
    keys: signingKeys.map((jwk) => ({
      ...(createPublicKey({ key: jwk as jose.JWK, format: 'jwk' }).export({ format: 'jwk' }) as jose.JWK),
      kid: jwk.kid as string | undefined,
      alg: 'RS256',
    })),
  });
  const findAccount = findAccountIn(tenant.users);
  return async (ctx, next) => {
    const [scheme, value] = ctx.get('authorization').split(' ');
    if (
      ctx.path !== auth0Routes.userinfo ||
      (ctx.method !== 'GET' && ctx.method !== 'POST') ||
      (scheme?.toLowerCase() !== 'bearer' && scheme?.toLowerCase() !== 'dpop') ||
      !value ||
      !JWT_SHAPE.test(value)
    ) {
      return next();
    }
    ctx.set('cache-control', 'no-store');
    let payload: jose.JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(value, keys, {
        issuer: tenant.issuer,
        audience: userinfoAudience(tenant.issuer),
        typ: 'at+jwt',
        algorithms: ['RS256'],
      }));
    } catch {
      return invalidToken(ctx, 'invalid token provided');
    }
    // A DPoP-bound token is sent with the DPoP scheme and a proof of its key, never as a Bearer
    // token; an unbound one never as a DPoP token.
    const jkt = (payload.cnf as { jkt?: unknown } | undefined)?.jkt;
    const dpop = scheme.toLowerCase() === 'dpop';
    if (dpop !== (jkt !== undefined)) return invalidToken(ctx, 'invalid token provided', scheme);
    const proofError = dpop ? await userinfoDpopProofError(ctx, tenant, value, jkt) : undefined;
    if (proofError) return invalidToken(ctx, proofError, 'DPoP', 'invalid_dpop_proof');
    const account = typeof payload.sub === 'string' ? await findAccount(ctx, payload.sub) : undefined;
    if (!account) return invalidToken(ctx, 'invalid token provided');
    allowCors(ctx, tenant, typeof payload.azp === 'string' ? payload.azp : undefined);
    const scopes = String(payload.scope ?? '').split(' ');
    const wanted = new Set(scopes.flatMap((scope) => OIDC_CLAIMS[scope] ?? []));
    const claims = await account.claims('userinfo', scopes.join(' '), {}, []);
    ctx.body = Object.fromEntries(
      Object.entries(claims).filter(([name, claim]) => wanted.has(name) && claim !== undefined),
    );
  };
}
