import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { describeTrust } from '../tls/describeTrust.js';
import { Browser, formAction } from './browser.js';
import { authorizationUrl } from './oauthClient.js';
import { trustingFetch } from './trustingFetch.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-tls-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('https', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0, https: true, dataDir: dir });
  });
  afterAll(() => tenant.stop());

  it('serves TLS with a certificate for 127.0.0.1 and localhost, and says https everywhere', async () => {
    expect(tenant.url).toBe(`https://127.0.0.1:${tenant.port}/`);
    const { fetch: trusting } = trustingFetch(tenant.tls!.certificatePem);
    for (const host of ['127.0.0.1', 'localhost']) {
      const response = await trusting(`https://${host}:${tenant.port}/.well-known/openid-configuration`);
      const discovery = (await response.json()) as Record<string, string>;
      expect(discovery.issuer).toBe(tenant.url);
      // Endpoints follow the host asked for, as oidc-provider builds them.
      expect(discovery.token_endpoint).toBe(`https://${host}:${tenant.port}/oauth/token`);
      expect(discovery.authorization_endpoint).toBe(`https://${host}:${tenant.port}/authorize`);
    }
    // An untrusted client refuses it: the certificate is real TLS, not a switch in the URLs.
    await expect(fetch(`${tenant.url}.well-known/jwks.json`)).rejects.toMatchObject({
      cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    const certificate = new X509Certificate(tenant.tls!.certificatePem);
    expect(certificate.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
  });

  it('keeps the certificate in the data folder and reuses it after a restart', async () => {
    const file = join(dir, 'tls-certificate.pem');
    expect(tenant.tls!.certificateFile).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(tenant.tls!.certificatePem);
    const again = await startTenant({ port: 0, https: true, dataDir: dir });
    try {
      expect(again.tls!.certificatePem).toBe(tenant.tls!.certificatePem);
    } finally {
      await again.stop();
    }
  });

  it('tells how to trust it', () => {
    const text = describeTrust(tenant.url, tenant.tls!);
    expect(text).toContain(`NODE_EXTRA_CA_CERTS=${join(dir, 'tls-certificate.pem')}`);
    expect(text).toContain(`domain: '127.0.0.1:${tenant.port}'`);
    expect(text).toMatch(/Authorities > Import/);
  });
});

describe('behind a TLS proxy', () => {
  const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'tenant.example' };

  /** Discovery and the login page's redirect after a login, as a proxy on https://tenant.example/ forwards them. */
  async function throughProxy(trustProxy: boolean) {
    const tenant = await startTenant({ port: 0, issuer: 'https://tenant.example/', trustProxy });
    try {
      const direct = `http://127.0.0.1:${tenant.port}/`;
      const discovery = (await (
        await fetch(`${direct}.well-known/openid-configuration`, { headers: proxied })
      ).json()) as Record<string, string>;
      const browser = new Browser();
      const request = await authorizationUrl({
        issuer: tenant.url,
        authorization_endpoint: `${direct}authorize`,
      });
      const toLogin = await browser.fetch(request.url, { headers: proxied });
      const loginPage = await browser.fetch(new URL(toLogin.headers.get('location')!, direct), {
        headers: proxied,
      });
      const action = formAction(await loginPage.text(), direct);
      const afterLogin = await browser.fetch(new URL(action.pathname, direct), {
        method: 'POST',
        headers: { ...proxied, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          action: 'login',
          username: DEMO_USER_EMAIL,
          password: DEMO_USER_PASSWORD,
        }),
      });
      return { discovery, afterLogin: afterLogin.headers.get('location'), direct };
    } finally {
      await tenant.stop();
    }
  }

  it('with --trust-proxy, discovery and the login redirects use the forwarded scheme and host', async () => {
    const { discovery, afterLogin } = await throughProxy(true);
    expect(discovery.issuer).toBe('https://tenant.example/');
    expect(discovery.token_endpoint).toBe('https://tenant.example/oauth/token');
    expect(discovery.jwks_uri).toBe('https://tenant.example/.well-known/jwks.json');
    expect(afterLogin).toMatch(/^https:\/\/tenant\.example\/authorize\//);
  });

  it('without it, the forwarded headers are ignored', async () => {
    const { discovery, afterLogin, direct } = await throughProxy(false);
    expect(discovery.token_endpoint).toBe(`${direct}oauth/token`);
    expect(afterLogin?.startsWith(`${direct}authorize/`)).toBe(true);
  });

  it('per-IP limits read X-Forwarded-For with --trust-proxy, and only then', async () => {
    const sent = async (tenant: RunningTenant, ip: string) =>
      (
        await fetch(new URL('passwordless/start', tenant.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `${ip}, 10.0.0.1` },
          body: JSON.stringify({
            client_id: 'sesame-spa',
            connection: 'email',
            email: 'ip@sesame.test',
            send: 'code',
          }),
        })
      ).status;
    const config = { passwordless: { rate_limit_per_hour: 1 } };
    const trusting = await startTenant({ port: 0, trustProxy: true, config });
    const direct = await startTenant({ port: 0, config });
    try {
      expect(await sent(trusting, '203.0.113.1')).toBe(200);
      expect(await sent(trusting, '203.0.113.1')).toBe(429);
      expect(await sent(trusting, '203.0.113.2')).toBe(200);
      // Not trusted: every request is the socket's 127.0.0.1, whatever the header says.
      expect(await sent(direct, '203.0.113.1')).toBe(200);
      expect(await sent(direct, '203.0.113.2')).toBe(429);
    } finally {
      await Promise.all([trusting.stop(), direct.stop()]);
    }
  });
});
