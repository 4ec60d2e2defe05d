import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { NO_ANSWER_MS } from '../flows/iframeResponse.js';
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
  it('settles at once on a first visit: no iframe, no request', async () => {
    const client = createAuthClient(server.options({ storage }));
    await client.checkSession();
    expect(client.getSnapshot()).toMatchObject({ status: 'unauthenticated', error: undefined });
    expect(document.querySelector('iframe')).toBeNull();
    expect(server.requests).toEqual([]);
  });

  it('restores a session through the iframe when a login succeeded here before (the sign-in hint)', async () => {
    await signIn(createAuthClient(server.options()), server); // an earlier page, its session in memory
    const client = createAuthClient(server.options({ storage }));
    const check = client.checkSession();
    const iframe = await nextIframe();
    postResponse(iframe.contentWindow, server.origin, server.authorize(iframe.src));
    await check;
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
  });

  it('resolves quietly on login_required, and opens no iframe on the next start', async () => {
    await signIn(createAuthClient(server.options()), server);
    const client = createAuthClient(server.options({ storage }));
    const check = client.checkSession();
    const iframe = await nextIframe();
    const state = new URL(iframe.src).searchParams.get('state')!;
    postResponse(iframe.contentWindow, server.origin, { state, error: 'login_required' });
    await expect(check).resolves.toBeUndefined();
    expect(client.getSnapshot()).toMatchObject({ status: 'unauthenticated', error: undefined });
    await createAuthClient(server.options({ storage })).checkSession();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('opens no iframe at start after a logout', async () => {
    const earlier = createAuthClient(server.options());
    await signIn(earlier, server);
    await earlier.logout({ openUrl: false });
    const sent = server.requests.length;
    await createAuthClient(server.options({ storage })).checkSession();
    expect(document.querySelector('iframe')).toBeNull();
    expect(server.requests.length).toBe(sent);
  });

  it('fails fast with configuration_error when the server page loaded but never answers', async () => {
    await signIn(createAuthClient(server.options()), server);
    const client = createAuthClient(server.options({ storage }));
    const check = client.checkSession();
    const iframe = await nextIframe();
    vi.useFakeTimers();
    try {
      iframe.dispatchEvent(new Event('load')); // an error page of the server: it will not post
      vi.advanceTimersByTime(NO_ANSWER_MS);
    } finally {
      vi.useRealTimers();
    }
    await expect(check).rejects.toMatchObject({
      code: 'configuration_error',
      message: expect.stringContaining('allowed callback URL'),
    });
    expect(document.querySelector('iframe')).toBeNull();
    expect(client.getSnapshot()).toMatchObject({
      status: 'unauthenticated',
      error: { code: 'configuration_error' },
    });
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
