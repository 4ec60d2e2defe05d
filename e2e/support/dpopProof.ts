/** What a DPoP proof is made for (RFC 9449 §4.2). */
export interface ProofFor {
  /** The request's method (`htm`). */
  htm: string;
  /** The request's URL without query or fragment (`htu`). */
  htu: string;
  /** The access token the request carries, for the proof's `ath`. */
  accessToken?: string;
}

/**
 * Runs in a page (pass it to `page.evaluate`): a well-formed DPoP proof signed by a key pair the
 * page makes for it — what someone holding a copied token, but not the client's key, can send.
 * Self-contained, as `page.evaluate` needs.
 */
export async function proofWithOwnKey({ htm, htu, accessToken }: ProofFor): Promise<string> {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const base64url = (data: ArrayBuffer | Uint8Array) =>
    btoa(String.fromCharCode(...new Uint8Array(data)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const { publicKey, privateKey } = await crypto.subtle.generateKey(
    { name: 'ECDSA', namedCurve: 'P-256' },
    true,
    ['sign', 'verify'],
  );
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', publicKey);
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: { kty, crv, x, y } };
  const payload = {
    htm,
    htu,
    iat: Math.floor(Date.now() / 1000),
    jti: crypto.randomUUID(),
    ...(accessToken && { ath: base64url(await crypto.subtle.digest('SHA-256', bytes(accessToken))) }),
  };
  const input = `${base64url(bytes(JSON.stringify(header)))}.${base64url(bytes(JSON.stringify(payload)))}`;
  // WebCrypto's ECDSA signature is r || s, the JWS form of ES256.
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, bytes(input));
  return `${input}.${base64url(signature)}`;
}
