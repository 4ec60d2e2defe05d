import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answer } from '../../../__tests__/helpers/fakeServer.js';
import { AuthError } from '../../../errors/AuthError.js';
import {
  type Auth0FakeServer,
  createAuth0FakeServer,
  GRANT,
  sessionClient,
  storedState,
} from './helpers/auth0FakeServer.js';

// Real time, to let the page's promises run while the fake clock stands still.
const realTick = globalThis.setTimeout;
// Requests are bounded by an hour here: the fake clock moves on while a request is in flight.
const HTTP_TIMEOUT = 3600;
let server: Auth0FakeServer;
let client: ReturnType<typeof sessionClient>;
/** The waits the page scheduled (ms), other than request deadlines. */
let waits: number[];

beforeEach(async () => {
  server = await createAuth0FakeServer({ now: () => Date.now() });
  // Stamps each request with the fake time it arrived at.
  const fetch = server.fetch;
  server.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = fetch(input, init);
    server.requests.at(-1)?.body.set('at', String(Date.now()));
    return response;
  }) as typeof fetch;
  client = sessionClient(server, { httpTimeoutInSeconds: HTTP_TIMEOUT });
  await client.isAuthenticated();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  waits = [];
  const fakeSetTimeout = globalThis.setTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms: number) => {
    if (ms !== HTTP_TIMEOUT * 1000) waits.push(ms);
    return fakeSetTimeout(handler, ms);
  }) as typeof setTimeout);
});
afterEach(() => {
  // The setTimeout spy first (it would otherwise outlive this file, and a later restoreAllMocks
  // would put the uninstalled fake setTimeout back as the global one), then the real timers.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Advances the fake clock a second at a time until `promise` settles (at most `limit` seconds). */
async function run<T>(promise: Promise<T>, limit = 120): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  watched.catch(() => undefined);
  for (let second = 0; second < limit && !settled; second += 1) {
    await vi.advanceTimersByTimeAsync(1000);
    await new Promise((resolve) => realTick(resolve, 1));
  }
  return watched;
}

/** The fake times of the device polls, relative to `start`. */
const pollTimes = (start: number) =>
  server.requests
    .filter((r) => r.body.get('grant_type') === GRANT.device)
    .map((r) => Number(r.body.get('at')) - start);

describe('device', () => {
  it('start() returns what to show; poll() honours interval and slow_down, then signs in', async () => {
    const started = await run(client.device.start({ audience: 'https://api.example' }));
    expect(started).toEqual({
      deviceCode: 'device-1',
      userCode: 'ABCD-EFGH',
      verificationUri: `${server.origin}/activate`,
      verificationUriComplete: `${server.origin}/activate?user_code=ABCD-EFGH`,
      expiresIn: 60,
      interval: 5,
    });
    expect(server.requests.at(-1)?.json).toMatchObject({
      audience: 'https://api.example',
      scope: 'openid profile email offline_access',
    });
    server.next.push(
      answer(400, { error: 'authorization_pending' }),
      answer(400, { error: 'authorization_pending' }),
      answer(400, { error: 'slow_down' }),
    );
    const pending: unknown[] = [];
    const start = Date.now();
    await run(client.device.poll({ ...started, onPending: (p) => pending.push(p) }));
    // Polls 5 s apart, then 10 s after the slow_down.
    expect(waits).toEqual([5000, 5000, 5000, 10_000]);
    expect(pollTimes(start)).toEqual([5000, 10_000, 15_000, 25_000]);
    expect(pending).toEqual([
      { code: 'authorization_pending', interval: 5 },
      { code: 'authorization_pending', interval: 5 },
      { code: 'slow_down', interval: 10 },
    ]);
    expect(client.getSnapshot()).toMatchObject({ status: 'authenticated', user: { sub: 'device-user' } });
    const count = server.requests.length;
    await run(client.getTokenSilently({ authorizationParams: { audience: 'https://api.example' } }));
    expect(server.requests.length).toBe(count);
  });

  it('stops on abort with an AbortError, sending nothing more and storing nothing', async () => {
    const started = await run(client.device.start());
    for (let i = 0; i < 50; i += 1) server.next.push(answer(400, { error: 'authorization_pending' }));
    const abort = new AbortController();
    const start = Date.now();
    // Aborted in the middle of the second wait.
    setTimeout(() => abort.abort(), 7000);
    const polling = client.device.poll({ ...started, signal: abort.signal });
    const error = await run(polling).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    await run(new Promise((resolve) => setTimeout(resolve, 30_000)));
    expect(pollTimes(start)).toEqual([5000]);
    expect(waits).toEqual([7000, 5000, 5000, 30_000]);
    expect(await storedState(client)).toEqual({ claims: undefined, token: 'login_required' });
  });

  it('stops with expired_token once expiresIn has passed, without polling again', async () => {
    const started = await run(client.device.start());
    for (let i = 0; i < 50; i += 1) server.next.push(answer(400, { error: 'authorization_pending' }));
    const start = Date.now();
    const error = await run(client.device.poll({ ...started, expiresIn: 12 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'expired_token' });
    expect(pollTimes(start)).toEqual([5000, 10_000]);
    expect(waits).toEqual([5000, 5000, 5000]);
    expect(client.getSnapshot()).toMatchObject({
      status: 'unauthenticated',
      error: { code: 'expired_token' },
    });
  });

  it("ends on the server's access_denied or expired_token", async () => {
    const started = await run(client.device.start());
    server.next.push(answer(403, { error: 'access_denied', error_description: 'User refused' }));
    await expect(run(client.device.poll(started))).rejects.toMatchObject({ code: 'access_denied' });
    server.next.push(answer(400, { error: 'expired_token' }));
    await expect(run(client.device.poll(started))).rejects.toMatchObject({ code: 'expired_token' });
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('names a bad argument', async () => {
    await expect(client.device.start({ scope: 3 } as never)).rejects.toThrow(/"options.scope"/);
    await expect(client.device.poll({} as never)).rejects.toThrow(/"options.deviceCode"/);
    await expect(client.device.poll({ deviceCode: 'd', interval: -1 })).rejects.toThrow(/"options.interval"/);
    await expect(client.device.poll({ deviceCode: 'd', signal: {} as never })).rejects.toThrow(
      /"options.signal"/,
    );
    await expect(client.device.poll({ deviceCode: 'd', onPending: 1 as never })).rejects.toThrow(
      /"options.onPending"/,
    );
    expect(server.requests.filter((r) => r.path !== '/.well-known/jwks.json')).toHaveLength(0);
  });
});
