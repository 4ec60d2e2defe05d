import { beforeEach, describe, expect, it } from 'vitest';
import { dpopIgnoringFetch, withDpop } from '../../../__tests__/helpers/fakeDpop.js';
import { dpop as dpopOption } from '../../../dpop/index.js';
import type { AuthError } from '../../../errors/AuthError.js';
import { MfaRequiredError } from '../../../errors/MfaRequiredError.js';
import type { Auth0FakeServer } from './helpers/auth0FakeServer.js';
import { ada, CODES, createAuth0FakeServer, GRANT, sessionClient } from './helpers/auth0FakeServer.js';

// The Authentication API's login grants with the dpop option: their token requests prove the
// client's key too (their own bodies kept), so the tokens they store are bound like a redirect
// login's.
let server: Auth0FakeServer;
let dpop: ReturnType<typeof withDpop>;

beforeEach(async () => {
  server = await createAuth0FakeServer();
  dpop = withDpop(server);
});

const dpopClient = () => sessionClient(server, { dpop: dpopOption() });
const tokenUrl = () => `${server.origin}/oauth/token`;

/** The stored token's type, and whether the fake server bound its access token to the proofs' key. */
async function boundToken(client: ReturnType<typeof dpopClient>) {
  const token = await client.getTokenSilently({ detailedResponse: true });
  return { type: token.token_type.toLowerCase(), jkt: dpop.boundTo.get(token.access_token) };
}

describe('login grants with the dpop option', () => {
  it('password-realm: a proof for the token endpoint, bound tokens; the bound refresh token refreshes with the same key', async () => {
    const client = dpopClient();
    await client.loginWithPassword({ ...ada, realm: 'Username-Password-Authentication' });
    const [proof] = dpop.proofs;
    expect(proof?.payload).toMatchObject({ htm: 'POST', htu: tokenUrl() });
    expect(server.tokenRequests(GRANT.realm)[0]?.body.get('realm')).toBe('Username-Password-Authentication');
    expect(await boundToken(client)).toEqual({ type: 'dpop', jkt: proof?.jkt });

    await client.getTokenSilently({ cacheMode: 'off' });
    expect(server.tokenRequests('refresh_token')).toHaveLength(1);
    expect(dpop.proofs.map((p) => p.jkt)).toEqual([proof?.jkt, proof?.jkt]);
  });

  it('passwordless OTP: the JSON body Auth0 wants, with a proof; passwordless/start carries none', async () => {
    const client = dpopClient();
    await client.passwordless.start({ connection: 'email', email: 'ada@example.com', send: 'code' });
    await client.passwordless.login({
      connection: 'email',
      email: 'ada@example.com',
      otp: CODES.passwordless,
    });
    const otp = server.tokenRequests(GRANT.otp)[0];
    expect(otp?.json).toMatchObject({ grant_type: GRANT.otp, otp: CODES.passwordless });
    expect(server.requests.find((r) => r.path === '/passwordless/start')?.headers?.has('dpop')).toBe(false);
    expect(dpop.proofs).toHaveLength(1);
    expect(await boundToken(client)).toEqual({ type: 'dpop', jkt: dpop.proofs[0]?.jkt });
  });

  it('MFA: the mfa-otp grant after mfa_required is proved with the same key', async () => {
    server.users.set('ada@example.com', { sub: 'user-1', password: 'right', mfa: true });
    const client = dpopClient();
    const required = await client.loginWithPassword(ada).catch((e: unknown) => e);
    expect(required).toBeInstanceOf(MfaRequiredError);
    await client.mfa.verify({ mfaToken: (required as MfaRequiredError).mfaToken, otp: CODES.totp });
    const [first, second] = dpop.proofs;
    expect(second?.jkt).toBe(first?.jkt);
    expect(await boundToken(client)).toEqual({ type: 'dpop', jkt: first?.jkt });
  });

  it('answers use_dpop_nonce with one more try carrying the nonce', async () => {
    dpop.nonce = 'n-1';
    const client = dpopClient();
    await client.loginWithPassword(ada);
    expect(dpop.proofs.map((p) => p.payload.nonce)).toEqual([undefined, 'n-1']);
    expect(await client.isAuthenticated()).toBe(true);
  });

  it('fails with configuration_error when the server answers with a Bearer token, storing nothing', async () => {
    server.fetch = dpopIgnoringFetch(server.fetch);
    const client = dpopClient();
    const failed = await client.loginWithPassword(ada).catch((e: unknown) => e);
    expect((failed as AuthError).code).toBe('configuration_error');
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('sends no proof without the option', async () => {
    const client = sessionClient(server);
    await client.loginWithPassword(ada);
    expect(server.tokenRequests(GRANT.password)[0]?.headers?.has('dpop')).toBe(false);
    expect((await boundToken(client)).type).toBe('bearer');
  });
});

describe('getUserInfo with the dpop option', () => {
  const userinfoUrl = () => `${server.origin}/userinfo`;

  it('sends the bound access token as DPoP with a proof of its key for GET /userinfo and the token', async () => {
    const client = dpopClient();
    await client.loginWithPassword(ada);
    await expect(client.getUserInfo()).resolves.toEqual({ sub: 'user-1', email: 'ada@example.com' });
    // The fake refuses a bound token sent as Bearer; it records the proofs it accepted (ath checked).
    const [proof] = dpop.userinfoProofs;
    expect(proof?.payload).toMatchObject({ htm: 'GET', htu: userinfoUrl() });
    expect(proof?.jkt).toBe((await boundToken(client)).jkt);
    expect(server.requests.filter((r) => r.path === '/userinfo')).toHaveLength(1);
  });

  it('answers use_dpop_nonce at /userinfo with one more try carrying the nonce', async () => {
    const client = dpopClient();
    await client.loginWithPassword(ada);
    dpop.nonce = 'n-2';
    await expect(client.getUserInfo()).resolves.toMatchObject({ sub: 'user-1' });
    expect(dpop.userinfoProofs.map((p) => p.payload.nonce)).toEqual(['n-2']);
  });

  it('tries once more only: a server that wants yet another nonce gets its use_dpop_nonce as the error', async () => {
    // A server that asks for a new nonce at each /userinfo request.
    const inner = server.fetch;
    let tries = 0;
    server.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(String(input)).pathname === '/userinfo') dpop.nonce = `n-${++tries}`;
      return inner(input, init);
    }) as typeof fetch;
    const client = dpopClient();
    await client.loginWithPassword(ada);
    await expect(client.getUserInfo()).rejects.toMatchObject({ code: 'use_dpop_nonce' });
    expect(tries).toBe(2);
    expect(dpop.userinfoProofs).toHaveLength(0);
  });
});
