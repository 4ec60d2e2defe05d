/**
 * What Sesame reads of an authorization server's metadata (RFC 8414 / OpenID Connect Discovery):
 * the endpoints it calls and the ID-token algorithms it accepts. A discovered document keeps its
 * other members.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export interface AuthorizationServer {
  /** The issuer identifier: ID tokens' `iss` and the authorization response's `iss` must equal it. */
  readonly issuer: string;
  /** Where `loginWithRedirect()`, popups and the silent iframe send the user. */
  readonly authorization_endpoint?: string;
  /** Where codes and refresh tokens are exchanged. */
  readonly token_endpoint?: string;
  /** The OpenID Connect UserInfo endpoint. */
  readonly userinfo_endpoint?: string;
  /** The server's public signing keys (JWKS), which ID-token signatures are checked against. */
  readonly jwks_uri?: string;
  /** The token revocation endpoint (RFC 7009). */
  readonly revocation_endpoint?: string;
  /** RP-initiated logout (OIDC mode). */
  readonly end_session_endpoint?: string;
  /** The ID-token `alg` values the server uses; without it, `RS256` only. */
  readonly id_token_signing_alg_values_supported?: readonly string[];
  /** When `true`, an authorization response without `iss` is refused (RFC 9207). */
  readonly authorization_response_iss_parameter_supported?: boolean;
  /** Any other member of a discovered document. */
  readonly [member: string]: unknown;
}

/** A JWT split and decoded: nothing in it is trusted before its signature and claims are checked. */
export interface ParsedJwt {
  /** The protected header (`alg`, `kid`, `typ`, …). */
  readonly header: Readonly<Record<string, unknown>>;
  /** The claims. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** What the signature covers: `header.payload` as sent, base64url. */
  readonly signingInput: string;
  /** The signature, decoded. */
  readonly signature: Uint8Array<ArrayBuffer>;
  /** The JWT as received. */
  readonly raw: string;
}
