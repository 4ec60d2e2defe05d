import type { Middleware } from 'koa';
import type Provider from 'oidc-provider';
import { auth0Routes } from '../provider/auth0Routes.js';
import type { StatsRecorder } from './stats.js';

interface ProviderState {
  tenantRoute?: string;
}

/**
 * Counts every request (browser or not) into `stats`: by `METHOD /route` once it has been
 * answered, token requests by `grant_type`, CORS preflights apart, `/__dev/*` not at all.
 * Also counts `invalid_grant` answers and refresh-token reuse from oidc-provider's
 * `grant.error` event.
 */
export function countRequests(provider: Provider, stats: StatsRecorder): Middleware<ProviderState> {
  provider.on('grant.error', (_ctx, error) => {
    if (error.error === 'invalid_grant') {
      stats.invalidGrant((error as { error_detail?: string }).error_detail === 'refresh token already used');
    }
  });

  return async (ctx, next) => {
    if (ctx.path.startsWith('/__dev/')) return next();
    if (ctx.method === 'OPTIONS' && ctx.get('access-control-request-method')) {
      stats.preflight();
      return next();
    }
    try {
      await next();
    } finally {
      const oidcRoute = (ctx as { _matchedRouteName?: string })._matchedRouteName;
      let label = ctx.state.tenantRoute;
      if (!label) {
        const resumed = { resume: auth0Routes.authorization, device_resume: auth0Routes.code_verification }[
          oidcRoute ?? ''
        ];
        const path = resumed ? `${resumed}/:uid` : oidcRoute ? ctx.path : '(unmatched)';
        label = `${ctx.method} ${path}`;
      }
      stats.request(label);
      if (oidcRoute === 'token') {
        const oidc = (
          ctx as { oidc?: { params?: { grant_type?: unknown }; body?: { grant_type?: unknown } } }
        ).oidc;
        const grantType = oidc?.params?.grant_type ?? oidc?.body?.grant_type;
        stats.grant(typeof grantType === 'string' ? grantType : '(none)');
      }
    }
  };
}
