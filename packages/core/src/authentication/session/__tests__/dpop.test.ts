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
