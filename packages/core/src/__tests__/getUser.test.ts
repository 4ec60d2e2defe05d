import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import type { AuthClient } from '../types.js';
import { createFakeServer, type FakeServer, fakeClock, signIn } from './helpers/fakeServer.js';

let server: FakeServer;
let client: AuthClient;

beforeEach(async () => {
  server = await createFakeServer({ now: fakeClock().now });
  client = createAuthClient(server.options());
});

describe('isAuthenticated / getUser / getIdTokenClaims', () => {
  it('are empty before a login', async () => {
    expect(await client.isAuthenticated()).toBe(false);
    expect(await client.getUser()).toBeUndefined();
    expect(await client.getIdTokenClaims()).toBeUndefined();
  });

  it('give the user without protocol claims, and the validated claims with the raw token', async () => {
    await signIn(client, server);
    expect(await client.isAuthenticated()).toBe(true);
    expect(await client.getUser()).toEqual({ sub: 'user-1', name: 'Ada Lovelace', email: 'ada@example.com' });
    const claims = await client.getIdTokenClaims();
    expect(claims).toMatchObject({
      iss: server.issuer,
      aud: 'client-1',
      sub: 'user-1',
      nonce: expect.any(String),
    });
    expect(claims?.__raw.split('.')).toHaveLength(3);
  });
});
