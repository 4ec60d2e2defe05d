// oidc-provider's DPoP proof helpers (lib/helpers/validate_dpop.js): its own grants check proofs
// with them, grants added with registerGrantType get only `ctx`. Not in @types/oidc-provider.
declare module 'oidc-provider/lib/helpers/validate_dpop.js' {
  import type { KoaContextWithOIDC, Provider } from 'oidc-provider';

  /** A checked DPoP proof: the JWK thumbprint of its key, its `jti` and `iat`. */
  export interface CheckedDpopProof {
    thumbprint: string;
    jti: string;
    iat: number;
  }

  /**
   * Checks the request's `DPoP` header (signature, `htm`/`htu`, `iat`, the nonce when required:
   * `use_dpop_nonce` with a `DPoP-Nonce` header) once per request; `undefined` without a proof.
   */
  export default function validateDpop(
    provider: Provider,
    ctx: KoaContextWithOIDC,
    accessToken?: string,
  ): Promise<CheckedDpopProof | undefined>;

  /** Refuses a proof whose `jti` was seen before (`invalid_grant`). */
  export function checkDpopReplay(
    provider: Provider,
    ctx: KoaContextWithOIDC,
    dPoP: CheckedDpopProof | undefined,
    clientId: string,
  ): Promise<void>;
}
