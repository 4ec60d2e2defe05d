import { createHash } from 'node:crypto';
import * as jose from 'jose';
import type { Context } from 'koa';
import type { TenantServices } from '../routes/TenantRoute.js';
import { auth0Routes } from './auth0Routes.js';

/** How far a proof's `iat` may be from the tenant's clock, in seconds. */
const IAT_WINDOW = 60;

/**
 * Checks the DPoP proof that must come with a DPoP-bound API access token at `/userinfo` (RFC 9449
 * §7.1), as oidc-provider checks it for the tokens it stores: an ES256 or EdDSA `dpop+jwt` signed by
 * the key in its header, for this method and `{issuer}userinfo`, made within a minute, never seen
 * before (`jti`), for this token (`ath`) and by the key the token is bound to (`cnf.jkt`). Server
 * nonces are not asked for here, even with `dpop.require_nonce`.
 *
 * @returns `undefined` for a good proof, else why it was refused.
 */
export async function userinfoDpopProofError(
  ctx: Context,
  tenant: TenantServices,
  accessToken: string,
  jkt: unknown,
): Promise<string | undefined> {
  const proof = ctx.get('dpop');
  if (!proof) return 'DPoP proof JWT not provided';
  let verified: jose.JWTVerifyResult & { protectedHeader: jose.JWTHeaderParameters };
  try {
    verified = await jose.jwtVerify(proof, jose.EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: ['ES256', 'EdDSA'],
    });
  } catch {
    return 'invalid DPoP proof';
  }
  const { payload, protectedHeader } = verified;
  const htu = URL.parse(String(payload.htu));
  if (htu) htu.search = htu.hash = '';
  if (payload.htm !== ctx.method || htu?.href !== new URL(auth0Routes.userinfo, tenant.issuer).href) {
    return 'DPoP proof htm or htu mismatch';
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== 'number' || Math.abs(now - payload.iat) > IAT_WINDOW) {
    return 'DPoP proof iat is not recent enough';
  }
  if (payload.ath !== createHash('sha256').update(accessToken).digest('base64url')) {
    return 'DPoP proof ath mismatch';
  }
  if (!protectedHeader.jwk || (await jose.calculateJwkThumbprint(protectedHeader.jwk)) !== jkt) {
    return 'DPoP proof key does not match the token binding';
  }
  const unique =
    typeof payload.jti === 'string' &&
    (await tenant.provider.ReplayDetection.unique(`userinfo:${jkt}`, payload.jti, now + IAT_WINDOW));
  return unique ? undefined : 'DPoP proof JWT replay detected';
}
