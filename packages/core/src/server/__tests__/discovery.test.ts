import { describe, expect, it } from 'vitest';
import { fakeClock, json } from '../../__tests__/helpers/fakeServer.js';
import { memoryStorage } from '../../storage/memoryStorage.js';
import type { AuthStorage } from '../../types.js';
import {
  DISCOVERY_DEFAULT_MAX_AGE,
  DISCOVERY_MAX_AGE_LIMIT,
  discovery,
  freshFor,
  type StoredDiscovery,
} from '../discovery.js';

/** A fetch that answers every request with `answer` and records the URLs and options asked for. */
function fakeFetch(answer: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const signal = new AbortController().signal;
const document = (issuer: unknown) => ({ issuer, authorization_endpoint: 'https://op.example/auth' });

describe('discovery', () => {
  it('fetches the well-known document under the issuer path and returns it', async () => {
    const { fetch, calls } = fakeFetch(() => json(document('https://op.example/tenant/')));
    const metadata = await discovery('https://op.example/tenant/', fetch, signal);
    expect(metadata).toEqual(document('https://op.example/tenant/'));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://op.example/tenant/.well-known/openid-configuration');
    expect(calls[0]?.init).toMatchObject({
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal,
    });
  });

  it('accepts an issuer that the document spells without the trailing slash', async () => {
    const { fetch, calls } = fakeFetch(() => json(document('https://op.example')));
    expect((await discovery('https://op.example/', fetch, signal)).issuer).toBe('https://op.example');
    expect(calls[0]?.url).toBe('https://op.example/.well-known/openid-configuration');
  });

  it.each([
    ['another issuer', () => json(document('https://evil.example/')), 'is for another issuer'],
    [
      'an issuer that is not a string',
      () => json(document(['https://op.example/'])),
      'is for another issuer',
    ],
    ['an issuer that is not a URL', () => json(document('op.example')), 'is for another issuer'],
    ['no issuer', () => json({ authorization_endpoint: 'https://op.example/auth' }), 'is for another issuer'],
    ['a status other than 200', () => json(document('https://op.example/'), 404), 'answered HTTP 404'],
    ['a redirect', () => new Response(null, { status: 302 }), 'answered HTTP 302'],
    ['a body that is not JSON', () => new Response('<html>', { status: 200 }), 'is not a JSON object'],
    ['a JSON array', () => json([document('https://op.example/')]), 'is not a JSON object'],
    ['JSON null', () => json(null), 'is not a JSON object'],
  ])('rejects %s', async (_case, answer, problem) => {
    const { fetch } = fakeFetch(answer);
    await expect(discovery('https://op.example/', fetch, signal)).rejects.toThrow(problem);
  });
});

describe('freshFor (Cache-Control of the answer, in seconds)', () => {
  it.each([
    [undefined, DISCOVERY_DEFAULT_MAX_AGE],
    ['public', DISCOVERY_DEFAULT_MAX_AGE],
    ['public, max-age=600', 600],
    ['Max-Age=60, must-revalidate', 60],
    ['max-age="120"', 120],
    ['max-age=0', 0],
    ['s-maxage=600', DISCOVERY_DEFAULT_MAX_AGE],
    ['s-maxage=600, max-age=30', 30],
    ['max-age=31536000', DISCOVERY_MAX_AGE_LIMIT],
    ['no-store', 0],
    ['max-age=600, no-store', 0],
    ['no-cache', 0],
    ['private, no-cache="set-cookie"', 0],
  ])('%s: %i', (cacheControl, seconds) => {
    expect(freshFor(new Headers(cacheControl === undefined ? {} : { 'cache-control': cacheControl }))).toBe(
      seconds,
    );
  });

  it('takes off the Age a shared cache added, down to 0', () => {
    expect(freshFor(new Headers({ 'cache-control': 'max-age=600', age: '100' }))).toBe(500);
    expect(freshFor(new Headers({ 'cache-control': 'max-age=600', age: '900' }))).toBe(0);
  });
});

describe('discovery with a cache', () => {
  const issuer = 'https://op.example/';
  /** A storage, a clock and a fetch answering the document of `issuer` with `headers`, for one test. */
  function bed(headers: Record<string, string> = {}, storage: AuthStorage = memoryStorage()) {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(() => json(document(issuer), 200, headers));
    const cache = { storage, now: clock.now };
    return { clock, fetch, calls, storage, cache, run: () => discovery(issuer, fetch, signal, cache) };
  }

  it('stores the fetched document and answers from the storage while it is fresh: one request', async () => {
    const { clock, calls, storage, run } = bed({ 'cache-control': 'max-age=600' });
    expect(await run()).toEqual(document(issuer));
    expect(await storage.get('discovery')).toEqual({
      issuer,
      expiresAt: clock.now() + 600_000,
      document: document(issuer),
    });
    clock.advance(599);
    expect(await run()).toEqual(document(issuer));
    expect(calls).toHaveLength(1);
  });

  it('fetches again once the stored document is stale, and stores the new one', async () => {
    const { clock, calls, storage, run } = bed({ 'cache-control': 'max-age=600' });
    await run();
    clock.advance(600);
    await run();
    expect(calls).toHaveLength(2);
    expect(await storage.get<StoredDiscovery>('discovery')).toMatchObject({
      expiresAt: clock.now() + 600_000,
    });
  });

  it('keeps a document without max-age for the default hour', async () => {
    const { clock, calls, run } = bed();
    await run();
    clock.advance(DISCOVERY_DEFAULT_MAX_AGE - 1);
    await run();
    expect(calls).toHaveLength(1);
    clock.advance(1);
    await run();
    expect(calls).toHaveLength(2);
  });

  it.each(['no-store', 'no-cache'])('stores nothing on %s, and removes an older copy', async (directive) => {
    const { clock, calls, storage, run } = bed({ 'cache-control': directive });
    const stale: StoredDiscovery = { issuer, expiresAt: clock.now(), document: document(issuer) as never };
    await storage.set('discovery', stale);
    await run();
    await run();
    expect(calls).toHaveLength(2);
    expect(await storage.get('discovery')).toBeUndefined();
  });

  it('never uses a stored document of another configured issuer, nor one that names another issuer', async () => {
    const { clock, calls, storage, run } = bed();
    const later = clock.now() + 60_000;
    await storage.set('discovery', {
      issuer: 'https://evil.example/',
      expiresAt: later,
      document: document(issuer),
    });
    expect(await run()).toEqual(document(issuer));
    await storage.set('discovery', { issuer, expiresAt: later, document: document('https://evil.example/') });
    expect(await run()).toEqual(document(issuer));
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['garbage', 'garbage'],
    ['no expiry', { issuer, document: document(issuer) }],
    ['an expiry that is not a number', { issuer, expiresAt: 'far', document: document(issuer) }],
    ['no document', { issuer, expiresAt: Date.UTC(2027, 0, 1) }],
  ])('fetches over a stored value with %s', async (_case, value) => {
    const { calls, storage, run } = bed();
    await storage.set('discovery', value);
    expect(await run()).toEqual(document(issuer));
    expect(calls).toHaveLength(1);
  });

  it('fetches over an entry fresh for longer than the limit allows (a clock set back)', async () => {
    const { clock, calls, storage, run } = bed();
    await storage.set('discovery', {
      issuer,
      expiresAt: clock.now() + DISCOVERY_MAX_AGE_LIMIT * 1000 + 1,
      document: document(issuer),
    });
    await run();
    expect(calls).toHaveLength(1);
  });

  it('fetches when the storage fails to read, and still answers when it fails to write', async () => {
    const broken: AuthStorage = {
      get: () => Promise.reject(new Error('read failed')),
      set: () => Promise.reject(new Error('write failed')),
      del: () => Promise.reject(new Error('delete failed')),
      clear: () => Promise.reject(new Error('clear failed')),
    };
    const { calls, run } = bed({}, broken);
    expect(await run()).toEqual(document(issuer));
    expect(await run()).toEqual(document(issuer));
    expect(calls).toHaveLength(2);
  });

  it('stores nothing when the fetched document is refused', async () => {
    const storage = memoryStorage();
    const { fetch } = fakeFetch(() => json(document('https://evil.example/')));
    await expect(discovery(issuer, fetch, signal, { storage, now: Date.now })).rejects.toThrow(
      'another issuer',
    );
    expect(await storage.get('discovery')).toBeUndefined();
  });
});
