import { describe, expect, it } from 'vitest';
import { refusal } from '../../__tests__/helpers/refusal.js';
import { checkIdTokenClaims, type ExpectedClaims } from '../checkIdTokenClaims.js';

const NOW = 1_700_000_000;
const EXPECTED: ExpectedClaims = {
  issuer: 'https://op.example/',
  clientId: 'client-1',
  now: NOW,
  leeway: 60,
  nonce: 'n-0S6_WzA2Mj',
};
const CLAIMS = {
  iss: 'https://op.example/',
  sub: 'user-1',
  aud: 'client-1',
  exp: NOW + 3600,
  iat: NOW,
  nonce: 'n-0S6_WzA2Mj',
};

/** `'ok'`, or the message of the `invalid_response` the check threw. */
function check(claims: Record<string, unknown>, expected: Partial<ExpectedClaims> = {}): string {
  try {
    checkIdTokenClaims(claims, { ...EXPECTED, ...expected });
    return 'ok';
  } catch (error) {
    return refusal(error);
  }
}

describe('checkIdTokenClaims (OIDC Core 3.1.3.7)', () => {
  it('accepts the claims of a valid ID token', () => {
    expect(check(CLAIMS)).toBe('ok');
    expect(check({ ...CLAIMS, aud: ['client-1'] })).toBe('ok');
    expect(check({ ...CLAIMS, aud: ['client-1', 'api'], azp: 'client-1' })).toBe('ok');
  });

  it('refuses another issuer, or none', () => {
    expect(check({ ...CLAIMS, iss: 'https://op.example' })).toMatch(/"iss" is not the issuer/);
    expect(check({ ...CLAIMS, iss: undefined })).toMatch(/"iss"/);
  });

  it('refuses an "aud" without the client id, or with non-string members', () => {
    expect(check({ ...CLAIMS, aud: 'client-2' })).toMatch(/"aud" does not hold the client id/);
    expect(check({ ...CLAIMS, aud: [] })).toMatch(/"aud"/);
    expect(check({ ...CLAIMS, aud: undefined })).toMatch(/"aud"/);
    expect(check({ ...CLAIMS, aud: [['client-1']] })).toMatch(/"aud"/);
    expect(check({ ...CLAIMS, aud: ['client-1', 7], azp: 'client-1' })).toMatch(/"aud"/);
  });

  it('refuses several audiences without "azp", and an "azp" that is not the client', () => {
    expect(check({ ...CLAIMS, aud: ['client-1', 'api'] })).toMatch(/"azp" is not the client id/);
    expect(check({ ...CLAIMS, aud: ['client-1', 'api'], azp: 'api' })).toMatch(/"azp"/);
    expect(check({ ...CLAIMS, azp: 'client-2' })).toMatch(/"azp"/);
  });

  it('refuses a missing or empty "sub"', () => {
    expect(check({ ...CLAIMS, sub: undefined })).toMatch(/"sub" is missing/);
    expect(check({ ...CLAIMS, sub: '' })).toMatch(/"sub" is missing/);
    expect(check({ ...CLAIMS, sub: 42 })).toMatch(/"sub" is missing/);
  });

  it('refuses a missing "exp" or "iat"', () => {
    expect(check({ ...CLAIMS, exp: undefined })).toMatch(/"exp" or "iat" is missing/);
    expect(check({ ...CLAIMS, iat: undefined })).toMatch(/"exp" or "iat" is missing/);
  });

  it('refuses times that are not finite numbers (JSON 1e999 is Infinity), and a negative auth_time', () => {
    for (const name of ['exp', 'iat', 'nbf', 'auth_time']) {
      for (const value of [Number.POSITIVE_INFINITY, Number.NaN, '1700000000', null, true]) {
        expect(check({ ...CLAIMS, [name]: value })).toMatch(new RegExp(`"${name}" is not a finite number`));
      }
    }
    expect(check({ ...CLAIMS, exp: JSON.parse('1e999') })).toMatch(/"exp" is not a finite number/);
    expect(check({ ...CLAIMS, auth_time: -1 })).toMatch(/"auth_time" is negative/);
    expect(check({ ...CLAIMS, auth_time: 0 })).toBe('ok');
  });

  it('refuses an expired token, with the leeway', () => {
    expect(check({ ...CLAIMS, exp: NOW - 59 })).toBe('ok');
    expect(check({ ...CLAIMS, exp: NOW - 60 })).toMatch(/"exp" is in the past/);
    expect(check({ ...CLAIMS, exp: NOW }, { leeway: 0 })).toMatch(/"exp" is in the past/);
  });

  it('refuses "iat" and "nbf" in the future, beyond the leeway', () => {
    expect(check({ ...CLAIMS, iat: NOW + 60 })).toBe('ok');
    expect(check({ ...CLAIMS, iat: NOW + 61 })).toMatch(/"iat" is in the future/);
    expect(check({ ...CLAIMS, nbf: NOW + 60 })).toBe('ok');
    expect(check({ ...CLAIMS, nbf: NOW + 61 })).toMatch(/"nbf" is in the future/);
  });

  it("refuses a nonce that is not the transaction's, or none when one was sent", () => {
    expect(check({ ...CLAIMS, nonce: 'other' })).toMatch(/"nonce" is not the transaction's/);
    expect(check({ ...CLAIMS, nonce: undefined })).toMatch(/"nonce"/);
    // No nonce expected (a refresh, a grant without a redirect): none is checked.
    expect(check({ ...CLAIMS, nonce: undefined }, { nonce: undefined })).toBe('ok');
  });

  it('with max_age, requires "auth_time" recent enough (with the leeway)', () => {
    expect(check(CLAIMS, { maxAge: 300 })).toMatch(/"auth_time" is missing/);
    expect(check({ ...CLAIMS, auth_time: NOW - 360 }, { maxAge: 300 })).toBe('ok');
    expect(check({ ...CLAIMS, auth_time: NOW - 361 }, { maxAge: 300 })).toMatch(/older than max_age/);
    expect(check({ ...CLAIMS, auth_time: NOW - 1 }, { maxAge: 0, leeway: 0 })).toMatch(/older than max_age/);
    expect(check({ ...CLAIMS, auth_time: NOW }, { maxAge: 0, leeway: 0 })).toBe('ok');
  });

  it('never names a claim value in the error', () => {
    const secret = 'eyJ-secret-nonce-value';
    for (const claims of [
      { ...CLAIMS, nonce: secret },
      { ...CLAIMS, iss: secret },
      { ...CLAIMS, aud: secret },
      { ...CLAIMS, azp: secret },
    ]) {
      const message = check(claims);
      expect(message).not.toBe('ok');
      expect(message).not.toContain(secret);
    }
  });

  it('reads a "__proto__" member as a claim, never as a prototype (property 10)', () => {
    const claims = JSON.parse(`{"__proto__":{"azp":"client-1","sub":"admin"},"iss":"https://op.example/",
      "aud":["client-1","api"],"exp":${NOW + 60},"iat":${NOW},"nonce":"n-0S6_WzA2Mj"}`);
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype);
    expect(check(claims)).toMatch(/"azp"|"sub"/);
    expect(({} as Record<string, unknown>).azp).toBeUndefined();
  });
});

describe('checkIdTokenClaims of a refreshed ID token (OIDC Core 12.2)', () => {
  const previous = { ...CLAIMS, auth_time: NOW - 100, azp: 'client-1' };
  const refreshed = { ...previous, iat: NOW, exp: NOW + 3600, nonce: undefined };
  const expected = { nonce: undefined, previous };

  it('accepts one that keeps iss, sub, aud, azp and auth_time, or leaves auth_time out', () => {
    expect(check(refreshed, expected)).toBe('ok');
    expect(check({ ...refreshed, auth_time: undefined }, expected)).toBe('ok');
    // The session's token had none: a refreshed one may carry the original authentication time.
    const { auth_time: _, ...withoutAuthTime } = previous;
    expect(check(refreshed, { nonce: undefined, previous: withoutAuthTime })).toBe('ok');
    expect(check({ ...refreshed, aud: ['client-1'] }, expected)).toBe('ok');
  });

  it('refuses one of another subject, issuer, audience, azp or auth_time', () => {
    expect(check({ ...refreshed, sub: 'user-2' }, expected)).toMatch(/"sub" differs from the session's/);
    expect(check({ ...refreshed, aud: ['client-1', 'api'] }, expected)).toMatch(/"aud" differs/);
    expect(check({ ...refreshed, azp: undefined }, expected)).toMatch(/"azp" differs/);
    expect(check({ ...refreshed, auth_time: NOW }, expected)).toMatch(/"auth_time" differs/);
    const otherIssuer = { ...previous, iss: 'https://other.example/' };
    expect(check(refreshed, { ...expected, previous: otherIssuer })).toMatch(/"iss" differs/);
  });
});
