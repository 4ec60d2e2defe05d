import type { TlsCertificate } from './tlsCertificate.js';

/**
 * How to trust the tenant's self-signed certificate, as the CLI prints it with `--https`:
 * Node (`NODE_EXTRA_CA_CERTS`, read once at start), curl, and a browser (import it as an
 * authority, or a flag for a throwaway Chromium profile).
 *
 * @param url - the tenant's URL, e.g. `https://127.0.0.1:4000/`.
 * @param tls - the certificate {@link startTenant} returned (`tenant.tls`).
 */
export function describeTrust(url: string, tls: TlsCertificate): string {
  const file = tls.certificateFile ?? '(no data folder: the certificate lives as long as this process)';
  const domain = new URL(url).host;
  return [
    '',
    `HTTPS with a self-signed certificate for localhost, 127.0.0.1 and ::1: ${file}`,
    'Trust it once; it is kept and reused across restarts.',
    `  Node (Auth0 SDKs):  NODE_EXTRA_CA_CERTS=${file} node app.js   (domain: '${domain}')`,
    `  curl:               curl --cacert ${file} ${url}.well-known/openid-configuration`,
    '  Chrome/Edge:        Settings > Privacy and security > Security > Manage certificates >',
    '                      Authorities > Import (trust for websites); or, for a test profile only,',
    '                      --ignore-certificate-errors',
    '  Firefox:            Settings > Privacy & Security > Certificates > View Certificates >',
    '                      Authorities > Import',
    `  Or open ${url} once and accept the warning (the login page and silent iframe then load).`,
  ].join('\n');
}
