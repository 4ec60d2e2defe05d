import { describe, expect, it } from 'vitest';
import { randomString } from '../base64url.js';
import { codeChallenge } from '../codeChallenge.js';

describe('codeChallenge (RFC 7636 §4.2, S256)', () => {
  it('gives the code_challenge of the RFC 7636 Appendix B verifier', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of 43 base64url characters (256 bits), each new', () => {
    const verifiers = new Set(Array.from({ length: 20 }, randomString));
    expect(verifiers.size).toBe(20);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[\w-]{43}$/);
  });
});
