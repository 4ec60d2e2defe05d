import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import type { AuthStorage } from '../types.js';
import {
  answer,
  type FakeServer,
  type fakeClock,
  nextIframe,
  postResponse,
  signIn,
  testBed,
} from './helpers/fakeServer.js';

let server: FakeServer;
let storage: AuthStorage;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  ({ clock, server, storage } = await testBed());
});

describe('checkSession', () => {
  it('restores a session from the server through the iframe', async () => {
    const client = createAuthClient(server.options({ storage }));
    const check = client.checkSession();
    const iframe = await nextIframe();
    postResponse(iframe.contentWindow, server.origin, server.authorize(iframe.src));
    await check;
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
  });

  it('resolves quietly on login_required', async () => {
    const client = createAuthClient(server.options({ storage }));
    const check = client.checkSession();
    const iframe = await nextIframe();
    const state = new URL(iframe.src).searchParams.get('state')!;
    postResponse(iframe.contentWindow, server.origin, { state, error: 'login_required' });
    await expect(check).resolves.toBeUndefined();
    expect(client.getSnapshot()).toMatchObject({ status: 'unauthenticated', error: undefined });
  });

  it('sends nothing without a stored session when silent auth is off', async () => {
    const client = createAuthClient(server.options({ storage, silentAuth: false }));
    await client.checkSession();
    expect(server.requests).toEqual([]);
  });

  it('rejects with a retryable error and keeps the user signed in when the server fails', async () => {
    const client = createAuthClient(server.options({ storage, silentAuth: false }));
    await signIn(client, server);
    clock.advance(3600);
    server.next.push(answer(500));
    await expect(client.checkSession()).rejects.toMatchObject({ code: 'server_error' });
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', error: { code: 'server_error' } });
  });
});
