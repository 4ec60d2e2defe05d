import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import type { TenantStats } from '../dev/stats.js';
import { generateSigningKey } from '../keys.js';
import { loadOrCreateCertificate, type SigningCertificate } from '../saml/certificate.js';
import { buildSignedResponse, NS } from '../saml/samlXml.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import { authorizationUrl, discover, submitLogin } from './oauthClient.js';

const ACS = 'http://127.0.0.1:5190/saml/acs';
const SLO = 'http://127.0.0.1:5190/saml/logout';
const WSFED_REPLY = 'http://127.0.0.1:5190/wsfed/reply';
const IDP_AUDIENCE = 'urn:auth0:sesame:upstream-idp';

let tenant: RunningTenant;
let idp: SigningCertificate;
let intruder: SigningCertificate;

beforeAll(async () => {
  idp = await loadOrCreateCertificate(generateSigningKey(), undefined, 'upstream.idp.test');
  intruder = await loadOrCreateCertificate(generateSigningKey(), undefined, 'upstream.idp.test');
  tenant = await startTenant({
    port: 0,
    config: {
      clients: [
        {
          client_id: 'saml-app',
          name: 'SAML App',
          app_type: 'regular_web',
          client_secret: 'saml-app-secret',
          saml: { callback: ACS, audience: 'urn:saml-app', logout_callback: SLO },
          wsfed: { callback: WSFED_REPLY, realm: 'urn:wsfed-app' },
        },
      ],
      saml_connections: [
        {
          name: 'upstream-idp',
          signing_cert: idp.certificatePem,
          issuer: 'urn:upstream.idp.test',
          client_id: 'sesame-spa',
          redirect_uri: 'http://127.0.0.1:5175/callback',
        },
      ],
    },
  });
});
afterAll(() => tenant?.stop());

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const first = (
  doc: { getElementsByTagNameNS(ns: string, name: string): ArrayLike<unknown> },
  ns: string,
  name: string,
) => doc.getElementsByTagNameNS(ns, name)[0] as Element | undefined;
const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`)
    .exec(html)?.[1]
    ?.replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
const formActionOf = (html: string) => /<form method="post" action="([^"]+)"/.exec(html)?.[1];

async function metadataCertificate(path: string): Promise<{ doc: ReturnType<typeof parse>; pem: string }> {
  const response = await fetch(`${tenant.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/xml/);
  const doc = parse(await response.text());
  const base64 = first(doc, NS.dsig, 'X509Certificate')?.textContent?.trim() ?? '';
  return {
    doc,
    pem: `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`,
  };
}

/** Verifies the one XML signature of `xml` with the certificate; returns the signed XML. */
function verifySignature(xml: string, pem: string): string {
  const signature = first(parse(xml), NS.dsig, 'Signature');
  expect(signature).toBeDefined();
  const verifier = new SignedXml({ publicCert: pem, getCertFromKeyInfo: () => null });
  verifier.loadSignature(signature!);
  expect(verifier.checkSignature(xml)).toBe(true);
  return verifier.getSignedReferences()[0]!;
}

async function loginThrough(browser: Browser, url: string): Promise<string> {
  const { response: page, url: at } = await browser.follow(url, tenant);
  if (!at.pathname.startsWith('/login/')) return page.text();
  const { response } = await submitLogin(browser, tenant, await page.text());
  return response.text();
}

const authnRequest = (id: string) =>
  deflateRawSync(
    `<samlp:AuthnRequest xmlns:samlp="${NS.protocol}" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${ACS}"><saml:Issuer xmlns:saml="${NS.assertion}">urn:saml-app</saml:Issuer></samlp:AuthnRequest>`,
  ).toString('base64');

describe('SAML 2.0 identity provider', () => {
  it("serves metadata that parses and carries the tenant's signing certificate", async () => {
    const { doc, pem } = await metadataCertificate('samlp/metadata/saml-app');
    expect(doc.documentElement?.getAttribute('entityID')).toBe(`urn:127.0.0.1:${tenant.port}`);
    expect(first(doc, NS.metadata, 'SingleSignOnService')?.getAttribute('Location')).toBe(
      `${tenant.url}samlp/saml-app`,
    );
    const jwks = (await (await fetch(`${tenant.url}.well-known/jwks.json`)).json()) as {
      keys: { n: string }[];
    };
    const certificateKey = new X509Certificate(pem).publicKey.export({ format: 'jwk' });
    expect(certificateKey.n).toBe(jwks.keys[0]!.n);
    expect((await fetch(`${tenant.url}samlp/metadata/nobody`)).status).toBe(404);
  });

  it('keeps the certificate with the keys in the data folder across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-saml-'));
    try {
      const certificateOf = async (on: RunningTenant) => {
        const text = await (await fetch(`${on.url}samlp/metadata/sesame-spa`)).text();
        return first(parse(text), NS.dsig, 'X509Certificate')?.textContent;
      };
      const before = await startTenant({ port: 0, dataDir: dir });
      const certificate = await certificateOf(before);
      await before.stop();
      const after = await startTenant({ port: 0, dataDir: dir });
      expect(await certificateOf(after)).toBe(certificate);
      await after.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('logs in with the login page and posts a signed response that verifies against the metadata certificate', async () => {
    const { pem } = await metadataCertificate('samlp/metadata/saml-app');
    const browser = new Browser();
    const url = `${tenant.url}samlp/saml-app?${new URLSearchParams({ SAMLRequest: authnRequest('_req-1'), RelayState: 'relay-1' })}`;
    const page = await loginThrough(browser, url);
    expect(formActionOf(page)).toBe(ACS);
    expect(hidden(page, 'RelayState')).toBe('relay-1');
    const xml = Buffer.from(hidden(page, 'SAMLResponse')!, 'base64').toString('utf8');
    const response = parse(xml).documentElement!;
    expect(response.getAttribute('InResponseTo')).toBe('_req-1');
    expect(response.getAttribute('Destination')).toBe(ACS);

    const signed = parse(verifySignature(xml, pem));
    expect(signed.documentElement?.localName).toBe('Assertion');
    expect(first(signed, NS.assertion, 'Audience')?.textContent).toBe('urn:saml-app');
    expect(first(signed, NS.assertion, 'NameID')?.textContent).toMatch(/^auth0\|/);
    expect(xml).toContain('demo@sesame.test');

    // The tenant session is reused: no login page the second time.
    const again = await loginThrough(browser, `${tenant.url}samlp/saml-app`);
    expect(formActionOf(again)).toBe(ACS);
    const stats = (await (await fetch(`${tenant.url}__dev/stats`)).json()) as TenantStats;
    expect(stats.endpoints).toMatchObject({
      'GET /samlp/metadata/:client_id': expect.any(Number),
      'GET /samlp/:client_id': expect.any(Number),
      'GET /samlp/:client_id/return': expect.any(Number),
    });
  });

  it('refuses an AssertionConsumerServiceURL that is not a callback, and an unknown application', async () => {
    const request = deflateRawSync(
      `<samlp:AuthnRequest xmlns:samlp="${NS.protocol}" ID="_x" Version="2.0" AssertionConsumerServiceURL="https://evil.test/acs"/>`,
    ).toString('base64');
    expect(
      (await fetch(`${tenant.url}samlp/saml-app?SAMLRequest=${encodeURIComponent(request)}`)).status,
    ).toBe(400);
    expect((await fetch(`${tenant.url}samlp/sesame-spa`)).status).toBe(400);
  });

  it('handles a LogoutRequest: signed LogoutResponse to the logout callback, session ended', async () => {
    const { pem } = await metadataCertificate('samlp/metadata/saml-app');
    const browser = new Browser();
    const page = await loginThrough(browser, `${tenant.url}samlp/saml-app`);
    const xml = Buffer.from(hidden(page, 'SAMLResponse')!, 'base64').toString('utf8');
    const nameId = first(parse(xml), NS.assertion, 'NameID')!.textContent!;

    const logout = await fetch(`${tenant.url}samlp/saml-app/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_logout-1" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>urn:saml-app</saml:Issuer><saml:NameID>${nameId}</saml:NameID></samlp:LogoutRequest>`,
    });
    expect(logout.status).toBe(200);
    const logoutPage = await logout.text();
    expect(formActionOf(logoutPage)).toBe(SLO);
    const logoutResponse = Buffer.from(hidden(logoutPage, 'SAMLResponse')!, 'base64').toString('utf8');
    const signed = parse(verifySignature(logoutResponse, pem)).documentElement!;
    expect(signed.localName).toBe('LogoutResponse');
    expect(signed.getAttribute('InResponseTo')).toBe('_logout-1');

    // The browser's session is gone: the next SAML login shows the login page.
    const { url } = await browser.follow(`${tenant.url}samlp/saml-app`, tenant);
    expect(url.pathname).toMatch(/^\/login\//);
  });

  it('refuses a body that is not a LogoutRequest', async () => {
    const response = await fetch(`${tenant.url}samlp/saml-app/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<nothing/>',
    });
    expect(response.status).toBe(400);
  });
});

describe('WS-Federation', () => {
  it('serves metadata with the certificate and posts a signed token for the realm', async () => {
    const { pem, doc } = await metadataCertificate('wsfed/FederationMetadata/2007-06/FederationMetadata.xml');
    expect(first(doc, NS.wsAddressing, 'Address')?.textContent).toBe(`${tenant.url}wsfed`);
    const page = await loginThrough(
      new Browser(),
      `${tenant.url}wsfed/saml-app?wctx=ctx-1&wtrealm=urn:wsfed-app`,
    );
    expect(formActionOf(page)).toBe(WSFED_REPLY);
    expect(hidden(page, 'wa')).toBe('wsignin1.0');
    expect(hidden(page, 'wctx')).toBe('ctx-1');
    const wresult = hidden(page, 'wresult')!;
    expect(first(parse(wresult), NS.wsTrust, 'RequestSecurityTokenResponse')).toBeDefined();
    const signed = parse(verifySignature(wresult, pem));
    expect(first(signed, NS.assertion, 'Audience')?.textContent).toBe('urn:wsfed-app');
  });
});

describe('POST /login/callback (IdP-initiated SAML)', () => {
  const upstreamResponse = (
    options: { signWith?: SigningCertificate; now?: number; nameId?: string; audience?: string } = {},
  ) =>
    buildSignedResponse(
      {
        issuer: 'urn:upstream.idp.test',
        audience: options.audience ?? IDP_AUDIENCE,
        recipient: `${tenant.url}login/callback?connection=upstream-idp`,
        subject: {
          nameId: options.nameId ?? 'jane',
          email: `${options.nameId ?? 'jane'}@upstream.test`,
          name: 'Jane Upstream',
        },
        now: options.now,
      },
      options.signWith ?? idp,
    );
  const post = (browser: Browser, xml: string, connection = 'upstream-idp') =>
    browser.fetch(`${tenant.url}login/callback?connection=${connection}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLResponse: Buffer.from(xml).toString('base64') }),
    });

  it('accepts a valid response: the user is signed in and lands on the application', async () => {
    const browser = new Browser();
    const response = await post(browser, upstreamResponse());
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.1:5175/callback');
    expect(browser.hasSession(tenant)).toBe(true);

    // The session is a real tenant session: a silent authorization succeeds for that user.
    const as = await discover(tenant);
    const request = await authorizationUrl(as, { prompt: 'none' });
    const { url: callback } = await browser.follow(request.url, tenant);
    expect(callback.searchParams.get('error')).toBeNull();
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(tenant.services.users.findById('samlp|upstream-idp|jane')).toMatchObject({
      email: 'jane@upstream.test',
    });
  });

  async function expectRejected(xml: string, message: RegExp, connection?: string) {
    const browser = new Browser();
    const response = await post(browser, xml, connection);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
    expect(browser.hasSession(tenant)).toBe(false);
  }

  it('rejects an unsigned response', async () => {
    const signed = upstreamResponse({ nameId: 'unsigned' });
    const unsigned = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
    await expectRejected(unsigned, /not signed/);
  });

  it('rejects a response signed with another key', async () => {
    await expectRejected(upstreamResponse({ signWith: intruder, nameId: 'intruder' }), /does not verify/);
  });

  it('rejects a response altered after signing', async () => {
    const tampered = upstreamResponse({ nameId: 'victim' }).replace('>victim<', '>admin<');
    await expectRejected(tampered, /does not verify/);
  });

  it('rejects an expired response', async () => {
    await expectRejected(upstreamResponse({ now: Date.now() - 3 * 3600_000, nameId: 'late' }), /expired/);
  });

  it('rejects a response for another audience, and an unknown connection', async () => {
    await expectRejected(upstreamResponse({ audience: 'urn:someone-else', nameId: 'other' }), /audience/);
    await expectRejected(upstreamResponse(), /Unknown connection/, 'nope');
  });

  it('rejects a replayed response', async () => {
    const xml = upstreamResponse({ nameId: 'replay' });
    expect((await post(new Browser(), xml)).status).toBe(302);
    await expectRejected(xml, /already been used/);
  });
});
