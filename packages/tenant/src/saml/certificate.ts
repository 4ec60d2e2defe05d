import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PrivateJwk } from '../keys.js';

// node-forge is CommonJS without named exports Node can detect; require it as such.
const forge = createRequire(import.meta.url)('node-forge') as typeof import('node-forge');

/** The tenant's signing key as SAML and WS-Federation use it: PEM key and X.509 certificate. */
export interface SigningCertificate {
  /** PKCS#8 PEM of the private key (the first signing key of the JWKS). */
  privateKeyPem: string;
  /** PEM of a self-signed X.509 certificate for that key. */
  certificatePem: string;
  /** The certificate's DER, base64 (what `<X509Certificate>` elements carry). */
  certificateBase64: string;
}

const FILE = 'saml-certificate.pem';

function selfSigned(privateKeyPem: string, publicKeyPem: string, commonName: string): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
  const subject = [{ name: 'commonName', value: commonName }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

const base64Of = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/**
 * The certificate of the tenant's RSA signing key (SAML and WS-Federation metadata, signed
 * assertions): read from `dir/saml-certificate.pem` when it is there and matches the key,
 * else generated (self-signed, ten years, CN = `commonName`) and saved there. Without a
 * `dir` it lives as long as the process, like the keys.
 */
export async function loadOrCreateCertificate(
  jwk: PrivateJwk,
  dir: string | undefined,
  commonName: string,
): Promise<SigningCertificate> {
  const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicKeyPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  let certificatePem: string | undefined;
  if (dir) {
    try {
      const saved = await readFile(join(dir, FILE), 'utf8');
      if (new X509Certificate(saved).checkPrivateKey(privateKey)) certificatePem = saved;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  if (!certificatePem) {
    certificatePem = selfSigned(privateKeyPem, publicKeyPem, commonName);
    if (dir) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, FILE), certificatePem, { mode: 0o600 });
    }
  }
  return { privateKeyPem, certificatePem, certificateBase64: base64Of(certificatePem) };
}
