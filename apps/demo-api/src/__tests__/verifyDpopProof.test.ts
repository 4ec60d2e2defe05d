import { createHash, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DpopRequest, dpopProofChecker } from '../verifyDpopProof.js';

const now = 1_800_000_000;
const url = new URL('http://127.0.0.1:4001/api/messages');
const accessToken = 'header.payload.signature';
let key: Awaited<ReturnType<typeof generateKeyPair>>;
let jwk: Awaited<ReturnType<typeof exportJWK>>;
let request: DpopRequest;

async function proof(claims: Record<string, unknown> = {}, signer = key, header = jwk): Promise<string> {
  return new SignJWT({
    htm: 'GET',
    htu: 'http://127.0.0.1:4001/api/messages',
    iat: now,
    jti: randomUUID(),
    ath: createHash('sha256').update(accessToken).digest('base64url'),
    ...claims,
  })
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: header })
    .sign(signer.privateKey);
}

beforeAll(async () => {
  key = await generateKeyPair('ES256');
  jwk = await exportJWK(key.publicKey);
  request = { method: 'GET', url, accessToken, jkt: await calculateJwkThumbprint(jwk), now };
});

describe('dpopProofChecker', () => {
  it('accepts a fresh proof of the bound key for this request and token', async () => {
    const check = dpopProofChecker();
    expect(await check(await proof(), request)).toBeUndefined();
    expect(await check(await proof(), { ...request, url: new URL(`${url}?page=2`) })).toBeUndefined();
  });

  it('says why it refuses a proof', async () => {
    const check = dpopProofChecker();
    const other = await generateKeyPair('ES256');
    const cases: [string | undefined, RegExp][] = [
      [undefined, /needs a DPoP proof/],
      ['not.a.jwt', /not a valid signed proof/],
      [await proof({ htm: 'POST' }), /for POST, not GET/],
      [await proof({ htu: 'http://127.0.0.1:4001/api/other' }), /not http:\/\/127.0.0.1:4001\/api\/messages/],
      [await proof({ iat: now - 120 }), /within the last minute/],
      [await proof({ ath: 'another-token-hash' }), /another access token/],
      [await proof({}, other, await exportJWK(other.publicKey)), /another key/],
      [await proof({}, other), /not a valid signed proof/],
    ];
    for (const [value, why] of cases) expect(await check(value, request)).toMatch(why);
  });

  it('refuses a proof it has seen before', async () => {
    const check = dpopProofChecker();
    const once = await proof();
    expect(await check(once, request)).toBeUndefined();
    expect(await check(once, request)).toMatch(/used before/);
  });
});
