import type { Middleware } from 'koa';
import { auth0Routes } from '../provider/auth0Routes.js';

/** The `grant_type` of device code token requests. */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

// Auth0 answers pending/denied/expired with 403 and polling too fast with 429 (the spec's
// `/oauth/token` responses); oidc-provider answers 400 for all of them.
const auth0Errors: Record<string, { status: number; description: string }> = {
  authorization_pending: { status: 403, description: 'User has yet to authorize device code.' },
  access_denied: { status: 403, description: 'User refused to authorize the device.' },
  expired_token: { status: 403, description: 'Device code has expired.' },
};

interface OidcState {
  oidc?: { params?: Record<string, unknown>; route?: string };
}

/**
 * Auth0's device flow answers on top of oidc-provider's (which has no `interval` and no
 * `slow_down`): the `/oauth/device/code` response gets `interval`; a device code polled
 * again sooner than `interval` seconds after its previous poll, while still pending, gets
 * 429 `slow_down` (RFC 8628 §3.5; the client then adds 5 seconds); pending, denied and
 * expired polls get Auth0's 403.
 *
 * @param interval - the polling interval in seconds.
 */
export function auth0DeviceResponses(interval: number, now: () => number = Date.now): Middleware {
  const lastPoll = new Map<string, number>();
  // Device codes handed out and when they expire: oidc-provider's storage forgets expired
  // codes (it would answer `invalid_grant`), Auth0 answers `expired_token`.
  const issued = new Map<string, number>();
  return async (ctx, next) => {
    if (ctx.method !== 'POST') return next();
    if (ctx.path === auth0Routes.device_authorization) {
      await next();
      const body = ctx.body as { device_code?: string; expires_in?: number } | undefined;
      if (ctx.status === 200 && typeof body?.device_code === 'string') {
        const time = now();
        for (const [code, expiresAt] of issued) if (expiresAt + 3_600_000 < time) issued.delete(code);
        issued.set(body.device_code, time + (body.expires_in ?? 0) * 1000);
        ctx.body = { ...body, interval };
      }
      return;
    }
    if (ctx.path !== auth0Routes.token) return next();
    await next();
    const params = (ctx as OidcState).oidc?.params;
    const deviceCode = params?.device_code;
    if (params?.grant_type !== DEVICE_CODE_GRANT || typeof deviceCode !== 'string') return;
    const body = ctx.body as { error?: string } | undefined;
    const expiresAt = issued.get(deviceCode);
    if (body?.error === 'invalid_grant' && expiresAt !== undefined && expiresAt <= now()) {
      body.error = 'expired_token';
    }
    const error = body?.error && auth0Errors[body.error];
    if (!error) {
      lastPoll.delete(deviceCode);
      return;
    }
    const previous = lastPoll.get(deviceCode);
    const time = now();
    if (body.error === 'authorization_pending') lastPoll.set(deviceCode, time);
    else lastPoll.delete(deviceCode);
    if (
      body.error === 'authorization_pending' &&
      previous !== undefined &&
      time - previous < interval * 1000
    ) {
      ctx.status = 429;
      ctx.body = {
        error: 'slow_down',
        error_description: `You are polling faster than the specified interval of ${interval} seconds.`,
      };
      return;
    }
    ctx.status = error.status;
    ctx.body = { error: body.error, error_description: error.description };
  };
}
