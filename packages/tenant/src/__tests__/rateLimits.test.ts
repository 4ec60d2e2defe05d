import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { devReset, postJson, token } from './auth0Api.js';

let limited: RunningTenant;
let unlimited: RunningTenant;
let offset = 0;

beforeAll(async () => {
  [limited, unlimited] = await Promise.all([
    startTenant({
      port: 0,
      now: () => Date.now() + offset,
      config: { rate_limits: { token_per_minute: 3 }, passwordless: { rate_limit_per_hour: 2 } },
    }),
    startTenant({ port: 0, rateLimits: false, config: { rate_limits: { token_per_minute: 1 } } }),
  ]);
});
afterAll(() => Promise.all([limited?.stop(), unlimited?.stop()]));
beforeEach(async () => {
  offset = 0;
  await devReset(limited);
});

// Any token request counts, answered or refused.
const badRefresh = (tenant: RunningTenant, headers: Record<string, string> = {}) =>
  token(tenant, { grant_type: 'refresh_token', refresh_token: 'unknown' }, headers);

describe('rate limits', () => {
  it('/oauth/token: X-RateLimit-* on every answer, then 429 with Retry-After until the minute ends', async () => {
    for (const remaining of [2, 1, 0]) {
      const answer = await badRefresh(limited, { origin: 'http://127.0.0.1:5175' });
      expect(answer.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Reset');
      expect(answer.status).toBe(403);
      expect(answer.headers.get('x-ratelimit-limit')).toBe('3');
      expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(remaining));
      const reset = Number(answer.headers.get('x-ratelimit-reset'));
      expect(reset * 1000).toBeGreaterThan(Date.now());
      expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
    }
    const refused = await badRefresh(limited, { origin: 'http://127.0.0.1:5175' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'too_many_requests' });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5175');
    expect(refused.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');

    offset = 60_000;
    const next = await badRefresh(limited);
    expect(next.status).toBe(403);
    expect(next.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('/passwordless/start: the same headers per IP and hour', async () => {
    const start = (email: string) =>
      postJson(limited, '/passwordless/start', {
        client_id: 'sesame-spa',
        connection: 'email',
        send: 'code',
        email,
      });
    const first = await start('a@sesame.test');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    await start('b@sesame.test');
    const refused = await start('c@sesame.test');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
  });

  it('are off with rateLimits: false (the CLI --no-rate-limits)', async () => {
    for (let i = 0; i < 3; i += 1) {
      const answer = await badRefresh(unlimited);
      expect(answer.status).toBe(403);
      expect(answer.headers.has('x-ratelimit-limit')).toBe(false);
    }
  });
});
