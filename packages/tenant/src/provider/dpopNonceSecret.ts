import { createHash } from 'node:crypto';
import type { TenantKeys } from '../keys.js';

/**
 * The 32-byte secret oidc-provider derives DPoP nonces from, taken from the signing key so that
 * nonces stay valid across a restart with a data folder.
 */
export const dpopNonceSecret = (keys: TenantKeys): Buffer =>
  createHash('sha256')
    .update(`sesame-dpop-nonce\0${String(keys.jwks[0]?.d)}`)
    .digest();
