import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE } from '../config/defaultConfig.js';
import type { TenantStats } from '../dev/stats.js';
import { type RunningTenant, startTenant } from '../startTenant.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const LEGACY = 'urn:acme:legacy-token';
const REMOTE = 'urn:acme:remote-token';
const PEM = 'urn:acme:pem-token';
const APPLE = 'http://auth0.com/oauth/token-type/apple-authz-code';
const ISSUER = 'https://legacy.acme.test/';

let tenant: RunningTenant;
let jwksServer: Server;
let key: jose.CryptoKey;
let otherKey: jose.CryptoKey;

beforeAll(async () => {
  const pair = await jose.generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  otherKey = (await jose.generateKeyPair('RS256')).privateKey;
  const publicJwk = { ...(await jose.exportJWK(pair.publicKey)), kid: 'legacy-1', alg: 'RS256' };
  jwksServer = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUri = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  tenant = await startTenant({
    port: 0,
    config: {
      clients: [
        {
          client_id: 'exchanger',
          app_type: 'native',
          grant_types: [TOKEN_EXCHANGE, 'refresh_token'],
        },
      ],
      token_exchange_profiles: [
        { subject_token_type: LEGACY, issuer: ISSUER, audience: 'sesame', jwks: { keys: [publicJwk] } },
        { subject_token_type: REMOTE, issuer: ISSUER, jwks_uri: jwksUri, connection: 'remote' },
        { subject_token_type: PEM, issuer: ISSUER, public_key: await jose.exportSPKI(pair.publicKey) },
        {
          subject_token_type: APPLE,
          issuer: 'https://appleid.apple.com',
          jwks: { keys: [publicJwk] },
          connection: 'apple',
        },
      ],
    },
  });
});
afterAll(async () => {
  await tenant?.stop();
  jwksServer?.close();
});

const subjectToken = (
  claims: Record<string, unknown> = {},
  options: { signWith?: jose.CryptoKey; exp?: string; iss?: string; aud?: string } = {},
) =>
  new jose.SignJWT({ email: 'legacy@acme.test', email_verified: true, name: 'Legacy Lee', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'legacy-1' })
    .setSubject(String(claims.sub ?? 'legacy-42'))
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? 'sesame')
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(options.signWith ?? key);

const exchange = (body: Record<string, string>) =>
  fetch(`${tenant.url}oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: TOKEN_EXCHANGE, client_id: 'exchanger', ...body }),
  });

async function expectRefused(body: Record<string, string>, description: string | RegExp) {
  const usersBefore = tenant.services.users.list().length;
  const response = await exchange(body);
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({
    error: 'invalid_request',
    error_description: expect.stringMatching(description),
  });
  expect(tenant.services.users.list()).toHaveLength(usersBefore);
}

describe('token exchange', () => {
  it('exchanges a verified subject token for Auth0 tokens and creates the user once', async () => {
    const response = await exchange({
      subject_token: await subjectToken(),
      subject_token_type: LEGACY,
      audience: DEMO_AUDIENCE,
      scope: 'openid profile email offline_access read:messages',
    });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Record<string, string>;
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      refresh_token: expect.any(String),
    });
    const jwks = jose.createRemoteJWKSet(new URL(`${tenant.url}.well-known/jwks.json`));
    const { payload: access } = await jose.jwtVerify(tokens.access_token!, jwks, {
      issuer: tenant.url,
      audience: DEMO_AUDIENCE,
    });
    expect(access).toMatchObject({
      sub: 'token-exchange|legacy-42',
      scope: 'openid profile email offline_access read:messages',
    });
    const { payload: id } = await jose.jwtVerify(tokens.id_token!, jwks, {
      issuer: tenant.url,
      audience: 'exchanger',
    });
    expect(id).toMatchObject({
      sub: 'token-exchange|legacy-42',
      email: 'legacy@acme.test',
      name: 'Legacy Lee',
    });

    // The refresh token works with the ordinary refresh grant.
    const refreshed = await fetch(`${tenant.url}oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'exchanger',
        refresh_token: tokens.refresh_token!,
      }),
    });
    expect(refreshed.status).toBe(200);

    // The same subject maps onto the same user.
    const again = await exchange({
      subject_token: await subjectToken(),
      subject_token_type: LEGACY,
      scope: 'openid',
    });
    expect(jose.decodeJwt(((await again.json()) as { id_token: string }).id_token).sub).toBe(
      'token-exchange|legacy-42',
    );
    expect(
      tenant.services.users.list().filter((user) => user.user_id === 'token-exchange|legacy-42'),
    ).toHaveLength(1);
    const counted = (await (await fetch(`${tenant.url}__dev/stats`)).json()) as TenantStats;
    expect(counted.grantTypes[TOKEN_EXCHANGE]).toBeGreaterThanOrEqual(2);
  });

  it('verifies against a remote JWKS and a PEM public key, and stands in for native social types', async () => {
    for (const [type, sub] of [
      [REMOTE, 'remote|r-1'],
      [PEM, 'token-exchange|p-1'],
    ] as const) {
      const response = await exchange({
        subject_token: await subjectToken({
          sub: sub.split('|')[1],
          email: `${sub.split('|')[1]}@acme.test`,
        }),
        subject_token_type: type,
        scope: 'openid',
      });
      expect(response.status).toBe(200);
      expect(jose.decodeJwt(((await response.json()) as { id_token: string }).id_token).sub).toBe(sub);
    }
    const apple = await exchange({
      subject_token: await subjectToken({ sub: 'apple-7' }, { iss: 'https://appleid.apple.com' }),
      subject_token_type: APPLE,
      scope: 'openid',
    });
    expect(jose.decodeJwt(((await apple.json()) as { id_token: string }).id_token).sub).toBe('apple|apple-7');
  });

  it('refuses an unsigned subject token', async () => {
    const unsigned = new jose.UnsecuredJWT({ sub: 'evil', email: 'evil@acme.test' })
      .setIssuer(ISSUER)
      .setAudience('sesame')
      .setExpirationTime('5m')
      .encode();
    await expectRefused({ subject_token: unsigned, subject_token_type: LEGACY }, /^Invalid subject_token: /);
  });

  it('refuses a token signed with another key', async () => {
    await expectRefused(
      {
        subject_token: await subjectToken({ sub: 'evil' }, { signWith: otherKey }),
        subject_token_type: LEGACY,
      },
      'Invalid subject_token: the signature does not verify',
    );
  });

  it('refuses an expired token, a wrong issuer and a wrong audience', async () => {
    await expectRefused(
      { subject_token: await subjectToken({ sub: 'late' }, { exp: '-1m' }), subject_token_type: LEGACY },
      'Invalid subject_token: the token has expired',
    );
    await expectRefused(
      {
        subject_token: await subjectToken({ sub: 'x' }, { iss: 'https://other.test/' }),
        subject_token_type: LEGACY,
      },
      'Invalid subject_token: the "iss" claim is not acceptable',
    );
    await expectRefused(
      {
        subject_token: await subjectToken({ sub: 'x' }, { aud: 'someone-else' }),
        subject_token_type: LEGACY,
      },
      'Invalid subject_token: the "aud" claim is not acceptable',
    );
  });

  it('refuses an unknown subject_token_type and names a missing field', async () => {
    await expectRefused(
      { subject_token: await subjectToken(), subject_token_type: 'urn:acme:unknown' },
      'Unsupported subject_token_type: urn:acme:unknown',
    );
    await expectRefused({ subject_token_type: LEGACY }, /subject_token/);
    await expectRefused({ subject_token: 'x' }, /subject_token_type/);
  });

  it('is refused to an application without the grant', async () => {
    const response = await fetch(`${tenant.url}oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: TOKEN_EXCHANGE,
        client_id: 'sesame-spa',
        subject_token: await subjectToken(),
        subject_token_type: LEGACY,
      }),
    });
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client' });
  });
});
