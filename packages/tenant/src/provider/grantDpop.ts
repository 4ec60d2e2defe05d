import type { AccessToken, KoaContextWithOIDC, Provider, RefreshToken } from 'oidc-provider';
// oidc-provider's own DPoP checks (its grants get them as helpers; grants added with
// registerGrantType get only `ctx`). An internal module, not in @types/oidc-provider: typed below.
// @ts-expect-error -- no declaration file for this module
import * as dpopHelpers from 'oidc-provider/lib/helpers/validate_dpop.js';
import type { ExtraGrantType } from './extraGrantTypes.js';

/** A checked DPoP proof: the JWK thumbprint of its key, its `jti` and `iat`. */
interface CheckedDpopProof {
  thumbprint: string;
  jti: string;
  iat: number;
}

const { default: validateDpop, checkDpopReplay } = dpopHelpers as {
  /**
   * Checks the request's `DPoP` header (signature, `htm`/`htu`, `iat`, the nonce when required:
   * `use_dpop_nonce` with a `DPoP-Nonce` header) once per request; `undefined` without a proof.
   */
  default(provider: Provider, ctx: KoaContextWithOIDC): Promise<CheckedDpopProof | undefined>;
  /** Refuses a proof whose `jti` was seen before (`invalid_grant`). */
  checkDpopReplay(
    provider: Provider,
    ctx: KoaContextWithOIDC,
    dPoP: CheckedDpopProof,
    clientId: string,
  ): Promise<void>;
};

/**
 * A tenant grant's handler that checks the request's DPoP proof first, as oidc-provider's own
 * grants do: a bad proof, or one without the nonce the tenant requires (`use_dpop_nonce`), is
 * refused before the grant spends anything (a passwordless code, an `mfa_token`), so the client's
 * retry with the nonce finds them still valid.
 */
export function checkingDpop(handler: ExtraGrantType['handler']): ExtraGrantType['handler'] {
  return async (ctx) => {
    await validateDpop(ctx.oidc.provider, ctx);
    return handler(ctx);
  };
}

/**
 * Binds the tokens of a tenant grant to the request's DPoP key (RFC 9449), as oidc-provider's
 * code grant does: the access token gets `cnf.jkt` (and is a `DPoP` token), a public client's
 * refresh token then works only with a proof of the same key. Nothing without a proof.
 *
 * @throws `invalid_grant` for a proof whose `jti` was used before.
 */
export async function bindToDpopKey(
  ctx: KoaContextWithOIDC,
  accessToken: AccessToken,
  refreshToken?: RefreshToken,
): Promise<void> {
  const { provider, client } = ctx.oidc;
  const proof = await validateDpop(provider, ctx);
  if (!proof || !client) return;
  await checkDpopReplay(provider, ctx, proof, client.clientId);
  accessToken.setThumbprint('jkt', proof.thumbprint);
  if (refreshToken && client.clientAuthMethod === 'none') refreshToken.jkt = proof.thumbprint;
}
