import type { Middleware } from 'koa';
import type { TenantRoute, TenantServices } from './TenantRoute.js';

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = have[i]!;
    if (segment.startsWith(':')) {
      if (!actual) return undefined;
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

/**
 * Koa middleware that serves the enabled {@link TenantRoute}s and passes every other
 * request on to oidc-provider. The matched route's `METHOD /path` is left in
 * `ctx.state.tenantRoute` for the request counters.
 */
export function createRouter(routes: readonly TenantRoute[], tenant: TenantServices): Middleware {
  const enabled = routes.filter((route) => route.enabled?.(tenant) ?? true);
  return async (ctx, next) => {
    for (const route of enabled) {
      if (route.method !== ctx.method && !(route.method === 'GET' && ctx.method === 'HEAD')) continue;
      const params = matchPath(route.path, ctx.path);
      if (!params) continue;
      ctx.state.tenantRoute = `${route.method} ${route.path}`;
      await route.handle(ctx, tenant, params);
      return;
    }
    await next();
  };
}
