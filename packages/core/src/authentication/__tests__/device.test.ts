import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceCodeGrant, pollDeviceToken, requestDeviceCode } from '../index.js';
import { CLIENT, fakeFetch, json, oauthError, TOKENS } from './helpers/fakeFetch.js';

const DEVICE = {
  device_code: 'device-1',
  user_code: 'WDJB-MJHT',
  verification_uri: 'https://example.eu.auth0.com/activate',
  verification_uri_complete: 'https://example.eu.auth0.com/activate?user_code=WDJB-MJHT',
  expires_in: 900,
  interval: 5,
};
const pending = () => oauthError(403, 'authorization_pending', 'User has yet to authorize device code.');
const slowDown = () =>
  oauthError(429, 'slow_down', 'You are polling faster than the specified interval of 5 seconds.');

describe('requestDeviceCode', () => {
  it('posts client_id, scope and audience as JSON and returns the codes', async () => {
    const { fetch, requests } = fakeFetch(json(DEVICE));
    await expect(
      requestDeviceCode({ ...CLIENT, fetch, scope: 'openid', audience: 'https://api' }),
    ).resolves.toEqual(DEVICE);
    expect(requests[0]?.url.pathname).toBe('/oauth/device/code');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({ client_id: 'client-1', scope: 'openid', audience: 'https://api' });
  });

  it('rejects unauthorized_client, and an answer without the codes', async () => {
    const refused = fakeFetch(oauthError(403, 'unauthorized_client', 'device code grant not enabled'));
    await expect(requestDeviceCode({ ...CLIENT, fetch: refused.fetch })).rejects.toMatchObject({
      code: 'unauthorized_client',
    });
    const odd = fakeFetch(json({ device_code: 'd' }));
    await expect(requestDeviceCode({ ...CLIENT, fetch: odd.fetch })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('refuses a bad scope, naming it', async () => {
    await expect(requestDeviceCode({ ...CLIENT, scope: 1 } as never)).rejects.toThrow(
      new TypeError('"options.scope" must be a non-empty string'),
    );
  });
});

describe('deviceCodeGrant', () => {
  it('posts the device_code grant form-encoded, without client authentication', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await expect(deviceCodeGrant({ ...CLIENT, fetch, device_code: 'device-1' })).resolves.toEqual(TOKENS);
    expect(requests[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(requests[0]?.body).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: 'client-1',
      device_code: 'device-1',
    });
  });

  it.each([
    ['authorization_pending', pending],
    ['slow_down', slowDown],
    ['expired_token', () => oauthError(403, 'expired_token')],
    ['access_denied', () => oauthError(403, 'access_denied')],
  ])('rejects with %s', async (code, answer) => {
    const { fetch } = fakeFetch(answer());
    await expect(deviceCodeGrant({ ...CLIENT, fetch, device_code: 'd' })).rejects.toMatchObject({ code });
  });
});

describe('pollDeviceToken', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits the interval, goes on while pending, adds 5 s per slow_down and returns the tokens', async () => {
    const { fetch, requests } = fakeFetch(pending(), slowDown(), pending(), json(TOKENS));
    const result = pollDeviceToken({ ...CLIENT, fetch, ...DEVICE });
    const settled = vi.fn();
    result.then(settled, settled);
    await vi.advanceTimersByTimeAsync(4999);
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1); // 5 s: pending
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000); // 10 s: slow_down, the interval is now 10 s
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(9999);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // 20 s: pending
    expect(requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(10000); // 30 s: tokens
    expect(requests).toHaveLength(4);
    await expect(result).resolves.toEqual(TOKENS);
    expect(requests.every((r) => (r.body as Record<string, string>).device_code === 'device-1')).toBe(true);
  });

  it('stops with expired_token once expires_in has passed, without polling after it', async () => {
    const { fetch, requests } = fakeFetch(pending());
    const result = pollDeviceToken({ ...CLIENT, fetch, device_code: 'd', interval: 5, expires_in: 12 });
    const outcome = result.catch((e) => e);
    await vi.advanceTimersByTimeAsync(15000);
    expect((await outcome).code).toBe('expired_token');
    expect(requests).toHaveLength(2);
  });

  it('ends at once when the user refuses (access_denied)', async () => {
    const { fetch, requests } = fakeFetch(pending(), oauthError(403, 'access_denied', 'User refused'));
    const outcome = pollDeviceToken({ ...CLIENT, fetch, ...DEVICE }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(10000);
    expect((await outcome).code).toBe('access_denied');
    expect(requests).toHaveLength(2);
  });

  it('stops when the signal aborts, with its reason, and polls no more', async () => {
    const { fetch, requests } = fakeFetch(pending());
    const controller = new AbortController();
    const outcome = pollDeviceToken({ ...CLIENT, fetch, ...DEVICE, signal: controller.signal }).catch(
      (e) => e,
    );
    await vi.advanceTimersByTimeAsync(7000);
    const reason = new Error('cancelled');
    controller.abort(reason);
    expect(await outcome).toBe(reason);
    await vi.advanceTimersByTimeAsync(60000);
    expect(requests).toHaveLength(1);
  });

  it.each([
    [{ interval: -1 }, /"options.interval" must be a number ≥ 0/],
    [{ expires_in: 0 }, /"options.expires_in" must be a number > 0/],
    [{ device_code: undefined }, /"options.device_code" must be a non-empty string/],
    [{ clientId: '' }, /"options.clientId" must be a non-empty string/],
  ])('refuses %j with a TypeError naming the option, before waiting', async (bad, message) => {
    await expect(pollDeviceToken({ ...CLIENT, ...DEVICE, ...bad } as never)).rejects.toThrow(message);
  });
});
