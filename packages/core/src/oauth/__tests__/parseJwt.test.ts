import { describe, expect, it } from 'vitest';
import { refusal } from '../../__tests__/helpers/refusal.js';
import { base64url, decodeBase64url } from '../base64url.js';
import { parseJwt } from '../parseJwt.js';

const encoder = new TextEncoder();
const part = (text: string) => base64url(encoder.encode(text));
const HEADER = part('{"alg":"RS256","kid":"k"}');
const CLAIMS = part('{"sub":"u1","nonce":"n"}');

/** The message of the `invalid_response` that parsing `jwt` throws. */
function parseRefusal(jwt: string): string {
  try {
    parseJwt(jwt, 'the ID token');
  } catch (error) {
    const message = refusal(error);
    if (jwt) expect(message).not.toContain(jwt);
    return message;
  }
  throw new Error('parsed');
}

describe('parseJwt', () => {
  it('splits a compact JWS into its decoded header, claims, signing input and signature', () => {
    const jwt = `${HEADER}.${CLAIMS}.${base64url(new Uint8Array([1, 2, 255]))}`;
    const parsed = parseJwt(jwt, 'the ID token');
    expect(parsed.header).toEqual({ alg: 'RS256', kid: 'k' });
    expect(parsed.claims).toEqual({ sub: 'u1', nonce: 'n' });
    expect(parsed.signingInput).toBe(`${HEADER}.${CLAIMS}`);
    expect([...parsed.signature]).toEqual([1, 2, 255]);
    expect(parsed.raw).toBe(jwt);
  });

  it('refuses an encrypted token (JWE, five parts) and anything but three parts', () => {
    expect(parseRefusal(`${HEADER}.a.b.c.d`)).toMatch(/encrypted \(JWE\)/);
    expect(parseRefusal(`${HEADER}.${CLAIMS}`)).toMatch(/is not a JWT/);
    expect(parseRefusal(`${HEADER}.${CLAIMS}.s.t`)).toMatch(/is not a JWT/);
    expect(parseRefusal('')).toMatch(/is not a JWT/);
  });

  it('refuses a header or payload that is not a JSON object', () => {
    for (const bad of ['[]', '"RS256"', 'null', '7', 'true', '{"alg":', 'not json']) {
      expect(parseRefusal(`${part(bad)}.${CLAIMS}.`)).toMatch(/is not a JWT/);
      expect(parseRefusal(`${HEADER}.${part(bad)}.`)).toMatch(/is not a JWT/);
    }
  });

  it('refuses parts that are not base64url (standard base64, spaces) or not UTF-8', () => {
    expect(parseRefusal(`${HEADER}.${btoa('{"sub":"\u00ff?>"}')}.`)).toMatch(/not base64url JSON/);
    expect(parseRefusal(`${HEADER} .${CLAIMS}.`)).toMatch(/not base64url JSON/);
    expect(parseRefusal(`${base64url(new Uint8Array([0x7b, 0xff, 0x7d]))}.${CLAIMS}.`)).toMatch(
      /not base64url JSON/,
    );
    expect(parseRefusal(`${HEADER}.${CLAIMS}.a+b/`)).toMatch(/signature that is not base64url/);
  });

  it('keeps a "__proto__" member as an own property and never touches Object.prototype (property 10)', () => {
    const header = part('{"alg":"RS256","__proto__":{"polluted":"header"}}');
    const claims = part('{"sub":"u1","__proto__":{"polluted":"claims","isAdmin":true}}');
    const parsed = parseJwt(`${header}.${claims}.`, 'the ID token');
    expect(Object.getPrototypeOf(parsed.claims)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed.claims, '__proto__')).toBe(true);
    expect((parsed.claims as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed.header)).toEqual(['alg', '__proto__']);
  });
});

describe('base64url', () => {
  it('encodes without padding and decodes with or without it', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00]);
    expect(base64url(bytes)).toBe('-_-_AA');
    expect([...decodeBase64url('-_-_AA')]).toEqual([...bytes]);
    expect([...decodeBase64url('-_-_AA==')]).toEqual([...bytes]);
    expect(() => decodeBase64url('+/+/AA')).toThrow(TypeError);
  });
});
