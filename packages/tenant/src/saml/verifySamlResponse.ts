import { DOMParser, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { SamlConnectionConfig } from '../config/types.js';
import { NS } from './samlXml.js';

/** Why an upstream SAML response was refused. */
export class SamlResponseError extends Error {
  override readonly name = 'SamlResponseError';
}

/** The identity a verified upstream assertion carries. */
export interface SamlIdentity {
  nameId: string;
  /** Attributes by name (first value), e.g. `.../claims/emailaddress`. */
  attributes: Record<string, string>;
  assertionId: string;
}

const SKEW_MS = 60_000;

const parse = (xml: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc.documentElement)
    throw new SamlResponseError('SAMLResponse is not well-formed XML');
  return doc;
};

const children = (parent: Element, ns: string, name: string) =>
  Array.from(parent.getElementsByTagNameNS(ns, name)) as Element[];

const time = (value: string | null) => (value ? Date.parse(value) : undefined);

/**
 * Verifies an IdP-initiated SAML 2.0 response from an upstream identity provider: a valid
 * XML-DSig signature (xml-crypto) by the connection's certificate over the Response or the
 * Assertion — unsigned and wrongly signed responses are refused, and only the signed XML is
 * read afterwards (no signature wrapping) —, a Success status, the connection's issuer,
 * the expected audience, the validity window (one minute of clock skew), and an assertion
 * ID not seen before (`seen` remembers IDs until they expire).
 *
 * @throws {SamlResponseError} saying what is wrong.
 */
export function verifySamlResponse(
  xml: string,
  connection: SamlConnectionConfig,
  expectedAudience: string,
  seen: Map<string, number>,
  now: number = Date.now(),
): SamlIdentity {
  const doc = parse(xml);
  const signatures = Array.from(doc.getElementsByTagNameNS(NS.dsig, 'Signature')) as Element[];
  if (!signatures.length) throw new SamlResponseError('the SAML response is not signed');

  let assertion: Element | undefined;
  for (const signature of signatures) {
    const verifier = new SignedXml({ publicCert: connection.signing_cert, getCertFromKeyInfo: () => null });
    // As XML text: xml-crypto types its node argument with the DOM lib, which xmldom nodes do not match.
    verifier.loadSignature(signature.toString());
    let valid = false;
    try {
      valid = verifier.checkSignature(xml);
    } catch {
      valid = false;
    }
    if (!valid) throw new SamlResponseError('the signature of the SAML response does not verify');
    for (const signed of verifier.getSignedReferences()) {
      const root = parse(signed).documentElement as unknown as Element;
      if (root.namespaceURI === NS.assertion && root.localName === 'Assertion') assertion = root;
      else if (root.namespaceURI === NS.protocol && root.localName === 'Response') {
        const status = children(root, NS.protocol, 'StatusCode')[0]?.getAttribute('Value');
        if (status !== 'urn:oasis:names:tc:SAML:2.0:status:Success') {
          throw new SamlResponseError(`the identity provider answered ${status ?? 'no status'}`);
        }
        assertion = children(root, NS.assertion, 'Assertion')[0];
      }
    }
  }
  if (!assertion) throw new SamlResponseError('no signed assertion in the SAML response');

  const issuer = children(assertion, NS.assertion, 'Issuer')[0]?.textContent?.trim();
  if (connection.issuer && issuer !== connection.issuer) {
    throw new SamlResponseError(`unexpected issuer ${issuer ?? '(none)'}`);
  }
  const conditions = children(assertion, NS.assertion, 'Conditions')[0];
  const notBefore = time(conditions?.getAttribute('NotBefore') ?? null);
  const notOnOrAfter = time(conditions?.getAttribute('NotOnOrAfter') ?? null);
  const confirmation = children(assertion, NS.assertion, 'SubjectConfirmationData')[0];
  const confirmUntil = time(confirmation?.getAttribute('NotOnOrAfter') ?? null);
  const until = Math.min(notOnOrAfter ?? Number.POSITIVE_INFINITY, confirmUntil ?? Number.POSITIVE_INFINITY);
  if (!Number.isFinite(until)) throw new SamlResponseError('the assertion has no expiry (NotOnOrAfter)');
  if (until + SKEW_MS <= now) throw new SamlResponseError('the SAML assertion has expired');
  if (notBefore !== undefined && notBefore - SKEW_MS > now) {
    throw new SamlResponseError('the SAML assertion is not yet valid');
  }
  const audiences = children(assertion, NS.assertion, 'Audience').map((node) => node.textContent?.trim());
  if (!audiences.includes(expectedAudience)) {
    throw new SamlResponseError(
      `the assertion is not for this tenant (audience ${expectedAudience} expected)`,
    );
  }
  const assertionId = assertion.getAttribute('ID') ?? '';
  for (const [id, expiry] of seen) if (expiry + SKEW_MS <= now) seen.delete(id);
  if (!assertionId || seen.has(assertionId))
    throw new SamlResponseError('the SAML assertion has already been used');
  const nameId = children(assertion, NS.assertion, 'NameID')[0]?.textContent?.trim();
  if (!nameId) throw new SamlResponseError('the assertion has no NameID');
  seen.set(assertionId, until);

  const attributes: Record<string, string> = {};
  for (const attribute of children(assertion, NS.assertion, 'Attribute')) {
    const value = children(attribute, NS.assertion, 'AttributeValue')[0]?.textContent?.trim();
    const name = attribute.getAttribute('Name');
    if (name && value && !Object.hasOwn(attributes, name)) attributes[name] = value;
  }
  return { nameId, attributes, assertionId };
}
