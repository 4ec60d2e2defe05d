import { Secret, TOTP } from 'otpauth';

/** A TOTP (RFC 6238: SHA-1, 6 digits, 30 s) for a base32 secret. */
function totp(secret: string, label = 'user', issuer = 'Sesame'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://` URI of a secret, for authenticator apps (as a QR code or a link). */
export function totpUri(secret: string, label: string, issuer: string): string {
  return totp(secret, label, issuer).toString();
}

/** A new random TOTP secret (base32, 160 bits) and its `otpauth://` URI. */
export function newTotpSecret(label: string, issuer: string): { secret: string; barcodeUri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, barcodeUri: totpUri(secret, label, issuer) };
}

/** Whether `code` is the TOTP of `secret` at `now` (one 30 s step of drift either way). */
export function verifyTotp(secret: string, code: string, now: number): boolean {
  return totp(secret).validate({ token: code.replace(/\s/g, ''), timestamp: now, window: 1 }) !== null;
}
