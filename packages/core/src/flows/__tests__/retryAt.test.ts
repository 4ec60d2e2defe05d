import { describe, expect, it } from 'vitest';
import { retryAt } from '../retryAt.js';

const NOW = Date.UTC(2026, 0, 1);
const withHeader = (value: string) => new Response('{}', { status: 429, headers: { 'retry-after': value } });

describe('retryAt', () => {
  it('waits 1, 2, 4 … seconds after consecutive failures, at most 30', () => {
    let retry = retryAt(NOW, undefined, 'server_error');
    const waits = [(retry.at - NOW) / 1000];
    for (let i = 0; i < 6; i++) {
      retry = retryAt(NOW, retry, 'server_error');
      waits.push((retry.at - NOW) / 1000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30]);
    expect(retry).toMatchObject({ failures: 7, code: 'server_error' });
  });

  it('honours Retry-After in seconds or as an HTTP date, up to 10 minutes', () => {
    expect(retryAt(NOW, undefined, 'rate_limited', withHeader('42')).at).toBe(NOW + 42_000);
    const date = new Date(NOW + 90_000).toUTCString();
    expect(retryAt(NOW, undefined, 'rate_limited', withHeader(date)).at).toBe(NOW + 90_000);
    expect(retryAt(NOW, undefined, 'rate_limited', withHeader('86400')).at).toBe(NOW + 600_000);
  });

  it('ignores a Retry-After that is shorter than the back-off, in the past or garbage', () => {
    for (const value of ['0', new Date(NOW - 5000).toUTCString(), 'soon', '-3']) {
      expect(retryAt(NOW, undefined, 'rate_limited', withHeader(value)).at).toBe(NOW + 1000);
    }
  });
});
