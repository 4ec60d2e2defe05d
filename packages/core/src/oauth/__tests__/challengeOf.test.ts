import { describe, expect, it } from 'vitest';
import { challengeOf } from '../challengeOf.js';

const of = (header: string | undefined, scheme?: 'dpop' | 'bearer') =>
  challengeOf(
    new Response(null, { status: 401, headers: header === undefined ? {} : { 'www-authenticate': header } }),
    scheme,
  );

describe('challengeOf (RFC 9110 §11.6.1, RFC 6750 §3)', () => {
  it('is undefined without a WWW-Authenticate header', () => {
    expect(of(undefined)).toBeUndefined();
    expect(of('')).toBeUndefined();
  });

  it('reads the RFC 6750 §3 example: quoted values, lower-cased names', () => {
    expect(
      of('Bearer realm="example", ERROR="invalid_token", error_description="The access token expired"'),
    ).toEqual({ realm: 'example', error: 'invalid_token', error_description: 'The access token expired' });
    expect(of('Bearer')).toEqual({});
  });

  it('unquotes escapes and keeps commas and equals signs inside quoted values', () => {
    expect(
      of(
        'Bearer error="insufficient_scope", error_description="say \\"hi\\", a=b, c\\\\d", scope="read write"',
      ),
    ).toEqual({
      error: 'insufficient_scope',
      error_description: 'say "hi", a=b, c\\d',
      scope: 'read write',
    });
  });

  it('reads token values, and spaces around "="', () => {
    expect(of('Bearer error=invalid_token ,  max_age = 300, acr_values="urn:a urn:b"')).toEqual({
      error: 'invalid_token',
      max_age: '300',
      acr_values: 'urn:a urn:b',
    });
  });

  it('picks the challenge of the scheme asked for among several, else DPoP or Bearer, else the first', () => {
    const both = 'Bearer realm="api", DPoP algs="ES256 PS256", error="use_dpop_nonce"';
    expect(of(both, 'dpop')).toEqual({ algs: 'ES256 PS256', error: 'use_dpop_nonce' });
    expect(of(both, 'bearer')).toEqual({ realm: 'api' });
    expect(of(both)).toEqual({ realm: 'api' });
    expect(of('Basic realm="x", DPoP error="invalid_token"', 'bearer')).toEqual({ error: 'invalid_token' });
    expect(of('Basic realm="x", Newauth realm="y"')).toEqual({ realm: 'x' });
  });

  it('does not read a quoted value as a challenge of its own', () => {
    expect(of('Basic realm="Bearer error=invalid_token", DPoP error="use_dpop_nonce"', 'bearer')).toEqual({
      error: 'use_dpop_nonce',
    });
  });

  it('reads the challenge after one with a token68 (Negotiate, Basic credentials)', () => {
    expect(of('Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg==, Bearer error="invalid_token"')).toEqual({
      error: 'invalid_token',
    });
  });

  it('never touches Object.prototype through a "__proto__" parameter', () => {
    const parameters = of('Bearer __proto__="polluted", error="invalid_token"');
    expect(parameters?.error).toBe('invalid_token');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
