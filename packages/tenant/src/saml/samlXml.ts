import { randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { SigningCertificate } from './certificate.js';

/** XML namespaces and algorithm URIs of SAML 2.0, WS-Federation and XML-DSig. */
export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  fed: 'http://docs.oasis-open.org/wsfed/federation/200706',
  wsTrust: 'http://schemas.xmlsoap.org/ws/2005/02/trust',
  wsPolicy: 'http://schemas.xmlsoap.org/ws/2004/09/policy',
  wsAddressing: 'http://www.w3.org/2005/08/addressing',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

/** Escapes text for XML content and attribute values. */
export const escapeXml = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!,
  );

/** A SAML ID (an NCName: it must not start with a digit). */
export const samlId = () => `_${randomBytes(20).toString('hex')}`;
const instant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Signs the element with `ID` = `id` (enveloped RSA-SHA256 signature, exclusive c14n, the
 * certificate in `KeyInfo`), placing `<Signature>` right after its `<Issuer>` as the SAML
 * schema wants. xml-crypto does the XML-DSig work.
 */
export function signElement(xml: string, localName: string, cert: SigningCertificate): string {
  const sig = new SignedXml({
    privateKey: cert.privateKeyPem,
    publicCert: cert.certificatePem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  const target = `//*[local-name(.)='${localName}']`;
  sig.addReference({ xpath: target, digestAlgorithm: SHA256, transforms: [ENVELOPED, EXC_C14N] });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

/** Who an assertion is about, with the profile attributes Auth0 sends. */
export interface AssertionSubject {
  nameId: string;
  email?: string;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
}

/** What an assertion is issued for. */
export interface AssertionOptions {
  issuer: string;
  audience: string;
  recipient: string;
  inResponseTo?: string;
  subject: AssertionSubject;
  /** Seconds the assertion is valid. Default 3600 (Auth0's `lifetimeInSeconds`). */
  lifetime?: number;
  sessionIndex?: string;
  now?: number;
}

/** An unsigned SAML 2.0 `<Assertion>` with Auth0's claim attributes. */
export function buildAssertion(options: AssertionOptions): string {
  const now = options.now ?? Date.now();
  const notOnOrAfter = instant(now + (options.lifetime ?? 3600) * 1000);
  const { subject } = options;
  const attributes: [string, string | undefined][] = [
    [`${CLAIMS}/nameidentifier`, subject.nameId],
    [`${CLAIMS}/emailaddress`, subject.email],
    [`${CLAIMS}/name`, subject.name],
    [`${CLAIMS}/givenname`, subject.given_name],
    [`${CLAIMS}/surname`, subject.family_name],
    ['http://schemas.auth0.com/nickname', subject.nickname],
    ['http://schemas.auth0.com/picture', subject.picture],
  ];
  const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : '';
  return `<saml:Assertion xmlns:saml="${NS.assertion}" ID="${samlId()}" IssueInstant="${instant(now)}" Version="2.0">\
<saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer>\
<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">${escapeXml(subject.nameId)}</saml:NameID>\
<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\
<saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(options.recipient)}"${inResponseTo}/>\
</saml:SubjectConfirmation></saml:Subject>\
<saml:Conditions NotBefore="${instant(now - 60_000)}" NotOnOrAfter="${notOnOrAfter}">\
<saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>\
<saml:AuthnStatement AuthnInstant="${instant(now)}" SessionIndex="${escapeXml(options.sessionIndex ?? samlId())}">\
<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>\
<saml:AttributeStatement>${attributes
    .filter(([, value]) => value)
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="${NS.xsi}" xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('')}</saml:AttributeStatement>\
</saml:Assertion>`;
}

/** A `<samlp:Response>` (Success) carrying a signed assertion, as Auth0's SAML2 add-on posts it. */
export function buildSignedResponse(options: AssertionOptions, cert: SigningCertificate): string {
  const assertion = signElement(buildAssertion(options), 'Assertion', cert);
  const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : '';
  return `<samlp:Response xmlns:samlp="${NS.protocol}" ID="${samlId()}" Version="2.0" IssueInstant="${instant(options.now ?? Date.now())}" Destination="${escapeXml(options.recipient)}"${inResponseTo}>\
<saml:Issuer xmlns:saml="${NS.assertion}">${escapeXml(options.issuer)}</saml:Issuer>\
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
}

/**
 * A WS-Federation `wresult`: a `<t:RequestSecurityTokenResponse>` for `realm` carrying a
 * signed SAML 2.0 assertion (WS-Fed allows SAML 2.0 tokens; the `TokenType` says which).
 */
export function buildWsFedResult(options: AssertionOptions, cert: SigningCertificate): string {
  const now = options.now ?? Date.now();
  const assertion = signElement(buildAssertion(options), 'Assertion', cert);
  return `<t:RequestSecurityTokenResponse xmlns:t="${NS.wsTrust}">\
<t:Lifetime><wsu:Created xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">${instant(now)}</wsu:Created>\
<wsu:Expires xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">${instant(now + (options.lifetime ?? 3600) * 1000)}</wsu:Expires></t:Lifetime>\
<wsp:AppliesTo xmlns:wsp="${NS.wsPolicy}"><wsa:EndpointReference xmlns:wsa="${NS.wsAddressing}"><wsa:Address>${escapeXml(options.audience)}</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>\
<t:RequestedSecurityToken>${assertion}</t:RequestedSecurityToken>\
<t:TokenType>urn:oasis:names:tc:SAML:2.0:assertion</t:TokenType>\
<t:RequestType>http://schemas.xmlsoap.org/ws/2005/02/trust/Issue</t:RequestType>\
<t:KeyType>http://schemas.xmlsoap.org/ws/2005/05/identity/NoProofKey</t:KeyType>\
</t:RequestSecurityTokenResponse>`;
}

/** A signed `<samlp:LogoutResponse>` (Success) answering a LogoutRequest. */
export function buildSignedLogoutResponse(
  options: { issuer: string; destination?: string; inResponseTo?: string },
  cert: SigningCertificate,
): string {
  const destination = options.destination ? ` Destination="${escapeXml(options.destination)}"` : '';
  const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : '';
  const xml = `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" ID="${samlId()}" Version="2.0" IssueInstant="${instant(Date.now())}"${destination}${inResponseTo}>\
<saml:Issuer xmlns:saml="${NS.assertion}">${escapeXml(options.issuer)}</saml:Issuer>\
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`;
  return signElement(xml, 'LogoutResponse', cert);
}

const keyDescriptor = (cert: SigningCertificate) =>
  `<KeyDescriptor use="signing"><KeyInfo xmlns="${NS.dsig}"><X509Data><X509Certificate>${cert.certificateBase64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`;

/** The SAML 2.0 IdP metadata of an application (`/samlp/metadata/{client_id}`). */
export function idpMetadata(
  options: { entityId: string; ssoUrl: string; sloUrl: string },
  cert: SigningCertificate,
) {
  const bindings = ['HTTP-Redirect', 'HTTP-POST'].map((b) => `urn:oasis:names:tc:SAML:2.0:bindings:${b}`);
  return `<?xml version="1.0"?>
<EntityDescriptor xmlns="${NS.metadata}" entityID="${escapeXml(options.entityId)}">\
<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keyDescriptor(cert)}\
${bindings.map((binding) => `<SingleLogoutService Binding="${binding}" Location="${escapeXml(options.sloUrl)}"/>`).join('')}\
<NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>\
<NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>\
<NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</NameIDFormat>\
${bindings.map((binding) => `<SingleSignOnService Binding="${binding}" Location="${escapeXml(options.ssoUrl)}"/>`).join('')}\
</IDPSSODescriptor></EntityDescriptor>
`;
}

/** The tenant's WS-Federation metadata (`/wsfed/FederationMetadata/2007-06/FederationMetadata.xml`). */
export function wsFedMetadata(options: { entityId: string; endpoint: string }, cert: SigningCertificate) {
  return `<?xml version="1.0"?>
<EntityDescriptor xmlns="${NS.metadata}" entityID="${escapeXml(options.entityId)}">\
<RoleDescriptor xmlns:xsi="${NS.xsi}" xmlns:fed="${NS.fed}" xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="${NS.fed}">\
${keyDescriptor(cert)}\
<fed:TokenTypesOffered><fed:TokenType Uri="urn:oasis:names:tc:SAML:2.0:assertion"/></fed:TokenTypesOffered>\
<fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa="${NS.wsAddressing}"><wsa:Address>${escapeXml(options.endpoint)}</wsa:Address></wsa:EndpointReference></fed:PassiveRequestorEndpoint>\
</RoleDescriptor></EntityDescriptor>
`;
}

/** An HTML page whose form posts `fields` to `action` by itself (SAML/WS-Fed POST binding). */
export function autoPostForm(action: string, fields: Record<string, string | undefined>): string {
  const inputs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeXml(name)}" value="${escapeXml(value)}">`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Working…</title></head>
<body><form method="post" action="${escapeXml(action)}">
${inputs}
<noscript><button type="submit">Continue</button></noscript>
</form>
<script>document.forms[0].submit()</script></body></html>`;
}
