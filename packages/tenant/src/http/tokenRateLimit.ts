import type { Middleware } from 'koa';
import { RateLimiter, setRateLimitHeaders } from '../bruteForce/BruteForce.js';
import { auth0Routes } from '../provider/auth0Routes.js';
import type { TenantServices } from '../routes/TenantRoute.js';
import { allowCors } from './auth0Api.js';

const EXPOSED = 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After';

/**
 * Auth0's rate limit of `/oauth/token`: `rate_limits.token_per_minute` requests per minute for
 * the whole tenant. Every answer carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
 * `X-RateLimit-Reset`; past the limit the request is answered 429 `too_many_requests` with
 * `Retry-After` (and CORS for the applications' web origins, so a browser can read it; the
 * headers are exposed to browser apps) before
 * oidc-provider sees it. Off with `rate_limits.enabled: false`. `/__dev/reset` starts a new window.
 *
 * @param now - the clock, epoch milliseconds.
 */
export function tokenRateLimit(tenant: TenantServices, now: () => number): Middleware {
  const limiter = new RateLimiter(tenant.config.rate_limits.token_per_minute, 60, now);
  tenant.auth0.onReset(() => limiter.reset());
  return async (ctx, next) => {
    if (!tenant.config.rate_limits.enabled || ctx.path !== auth0Routes.token || ctx.method === 'OPTIONS') {
      return next();
    }
    const state = limiter.take('tenant');
    setRateLimitHeaders((name, value) => ctx.set(name, value), state);
    if (state.retryAfter === undefined) {
      await next();
    } else {
      allowCors(ctx, tenant);
      ctx.status = 429;
      ctx.set('cache-control', 'no-store');
      ctx.body = {
        error: 'too_many_requests',
        error_description: 'Too many requests. Please try again later.',
      };
    }
    // A browser app may read the limit (oidc-provider's CORS exposes only its own headers).
    if (ctx.response.get('access-control-allow-origin')) {
      const exposed = ctx.response.get('access-control-expose-headers');
      ctx.set('access-control-expose-headers', [exposed, EXPOSED].filter(Boolean).join(', '));
    }
  };
}
