import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import type { AuthClient } from '../types.js';
import { createFakeServer, type FakeServer, fakeClock, postResponse } from './helpers/fakeServer.js';

let server: FakeServer;
let client: AuthClient;

/** A window the caller opened itself, as `loginWithPopup(…, { popup })` takes it. */
function fakePopup() {
  const popup = {
    closed: false,
    location: { href: '' },
    close() {
      popup.closed = true;
    },
  };
  return popup;
}

async function answerPopup(popup: ReturnType<typeof fakePopup>, extra: Record<string, string> = {}) {
  await vi.waitFor(() => {
    if (!popup.location.href) throw new Error('not yet navigated');
  });
  const url = new URL(popup.location.href);
  expect(url.searchParams.get('response_mode')).toBe('web_message');
  return server.authorize(url, extra);
}

beforeEach(async () => {
  server = await createFakeServer({ now: fakeClock().now });
  client = createAuthClient(server.options());
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('loginWithPopup', () => {
  it('signs in with a web_message response from the popup, and closes it', async () => {
    const popup = fakePopup();
    const login = client.loginWithPopup({}, { popup: popup as unknown as Window });
    const response = await answerPopup(popup);
    postResponse(popup, 'https://evil.example', response);
    postResponse(window, server.origin, response);
    postResponse(popup, server.origin, response);
    await login;
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
    expect(popup.closed).toBe(true);
  });

  it('leaves the popup open with closePopup: false, after a login and after a timeout', async () => {
    const popup = fakePopup();
    const login = client.loginWithPopup({}, { popup: popup as unknown as Window, closePopup: false });
    postResponse(popup, server.origin, await answerPopup(popup));
    await login;
    expect(client.getSnapshot().status).toBe('authenticated');
    expect(popup.closed).toBe(false);

    const waiting = fakePopup();
    const timedOut = client.loginWithPopup(
      {},
      { popup: waiting as unknown as Window, closePopup: false, timeoutInSeconds: 0.05 },
    );
    await expect(timedOut).rejects.toMatchObject({ code: 'timeout' });
    expect(waiting.closed).toBe(false);
  });

  it('rejects with popup_blocked when the browser refuses to open it', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    await expect(client.loginWithPopup()).rejects.toMatchObject({ code: 'popup_blocked' });
    expect(client.getSnapshot().error?.code).toBe('popup_blocked');
  });

  it('rejects with popup_closed when the user closes it', async () => {
    const popup = fakePopup();
    const login = client.loginWithPopup({}, { popup: popup as unknown as Window });
    await answerPopup(popup);
    popup.close();
    await expect(login).rejects.toMatchObject({ code: 'popup_closed' });
    expect(server.tokenRequests()).toEqual([]);
  });

  it('accepts the response a popup posts as it closes itself, even when seen closed first', async () => {
    const popup = fakePopup();
    const login = client.loginWithPopup({}, { popup: popup as unknown as Window });
    const response = await answerPopup(popup);
    popup.close();
    // the opener notices the closed window before the popup's last message is dispatched
    let posted = false;
    Object.defineProperty(popup, 'closed', {
      get() {
        if (!posted) {
          posted = true;
          setTimeout(() => postResponse(popup, server.origin, response), 0);
        }
        return true;
      },
      set() {},
    });
    await login;
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'user-1' } });
  });

  it('rejects with timeout and closes the popup', async () => {
    const popup = fakePopup();
    await expect(
      client.loginWithPopup({}, { popup: popup as unknown as Window, timeoutInSeconds: 0.05 }),
    ).rejects.toMatchObject({ code: 'timeout' });
    expect(popup.closed).toBe(true);
  });
});

describe('getTokenWithPopup', () => {
  it('resolves with the access token of the requested audience', async () => {
    const popup = fakePopup();
    const pending = client.getTokenWithPopup(
      { authorizationParams: { audience: 'https://api.example' } },
      { popup: popup as unknown as Window },
    );
    const response = await answerPopup(popup);
    expect(new URL(popup.location.href).searchParams.get('audience')).toBe('https://api.example');
    postResponse(popup, server.origin, response);
    const token = await pending;
    expect(await client.getTokenSilently({ authorizationParams: { audience: 'https://api.example' } })).toBe(
      token,
    );
  });
});
