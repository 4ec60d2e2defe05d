import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// node-forge is CommonJS without named exports Node can detect; require it as such.
const forge = createRequire(import.meta.url)('node-forge') as typeof import('node-forge');

/** The tenant's TLS certificate for `--https`: what the server uses and what clients must trust. */
export interface TlsCertificate {
  /** PKCS#8 PEM of the server's private key. */
  keyPem: string;
  /** PEM of the self-signed certificate (subject alternative names `localhost`, `127.0.0.1`, `::1`). */
  certificatePem: string;
  /** Where the certificate is kept (`DIR/tls-certificate.pem`), when there is a data folder. */
  certificateFile?: string;
}

const KEY_FILE = 'tls-key.pem';
const CERTIFICATE_FILE = 'tls-certificate.pem';
const DAY = 24 * 3600 * 1000;
/** Browsers refuse server certificates valid for more than 398 days; stay under it. */
const VALIDITY = 397 * DAY;
/** A kept certificate this close to its end is replaced, so a running tenant does not see it expire. */
const RENEW_BEFORE = 30 * DAY;

function selfSigned(): Pick<TlsCertificate, 'keyPem' | 'certificatePem'> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ format: 'pem', type: 'spki' }).toString());
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + VALIDITY);
  const subject = [
    { name: 'commonName', value: 'localhost' },
    { name: 'organizationName', value: 'Sesame local tenant' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { keyPem, certificatePem: forge.pki.certificateToPem(cert) };
}

async function readKept(dir: string): Promise<Pick<TlsCertificate, 'keyPem' | 'certificatePem'> | undefined> {
  try {
    const [keyPem, certificatePem] = await Promise.all([
      readFile(join(dir, KEY_FILE), 'utf8'),
      readFile(join(dir, CERTIFICATE_FILE), 'utf8'),
    ]);
    const certificate = new X509Certificate(certificatePem);
    const usable =
      certificate.checkHost('localhost') !== undefined &&
      certificate.checkIP('127.0.0.1') !== undefined &&
      Date.parse(certificate.validTo) - Date.now() > RENEW_BEFORE;
    return usable ? { keyPem, certificatePem } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The certificate of `--https`: read from `dir` (`tls-key.pem`, `tls-certificate.pem`) when one
 * is kept there that covers `localhost` and `127.0.0.1` and is not about to expire, else made
 * (self-signed, RSA 2048, 397 days) and kept there, so that a client or browser told to trust it
 * once keeps trusting it across restarts. Without a `dir` it lives as long as the process.
 */
export async function loadOrCreateTlsCertificate(dir: string | undefined): Promise<TlsCertificate> {
  const kept = dir ? await readKept(dir) : undefined;
  if (kept) return { ...kept, certificateFile: join(dir!, CERTIFICATE_FILE) };
  const made = selfSigned();
  if (!dir) return made;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, KEY_FILE), made.keyPem, { mode: 0o600 });
  await writeFile(join(dir, CERTIFICATE_FILE), made.certificatePem);
  return { ...made, certificateFile: join(dir, CERTIFICATE_FILE) };
}
