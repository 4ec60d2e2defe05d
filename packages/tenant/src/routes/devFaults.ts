import { type FaultSpec, parseFaultSpec } from '../dev/faults.js';
import { readBody } from '../http/readForm.js';
import { devOnly } from './devRoutes.js';
import type { TenantRoute } from './TenantRoute.js';

/** `GET /__dev/faults`: `{ faults: ActiveFault[] }`, the active faults and their remaining counts. */
export const devFaultsList: TenantRoute = {
  ...devOnly,
  method: 'GET',
  path: '/__dev/faults',
  handle(ctx, tenant) {
    ctx.set('cache-control', 'no-store');
    ctx.set('access-control-allow-origin', '*');
    ctx.body = { faults: tenant.faults.list() };
  },
};

/**
 * `POST /__dev/faults` with a JSON {@link FaultSpec}: adds the fault and answers 201 with it
 * (and its `id`); a missing or ill-typed field answers 400 `invalid_request` naming it.
 */
export const devFaultsAdd: TenantRoute = {
  ...devOnly,
  method: 'POST',
  path: '/__dev/faults',
  async handle(ctx, tenant) {
    ctx.set('access-control-allow-origin', '*');
    let parsed: FaultSpec | string;
    try {
      parsed = parseFaultSpec(JSON.parse((await readBody(ctx.req)).toString('utf8') || 'null'));
    } catch {
      parsed = 'body must be JSON';
    }
    if (typeof parsed === 'string') {
      ctx.status = 400;
      ctx.body = { error: 'invalid_request', error_description: parsed };
      return;
    }
    ctx.status = 201;
    ctx.body = tenant.faults.add(parsed);
  },
};

/** `DELETE /__dev/faults`: removes every fault; 204. */
export const devFaultsClear: TenantRoute = {
  ...devOnly,
  method: 'DELETE',
  path: '/__dev/faults',
  handle(ctx, tenant) {
    tenant.faults.clear();
    ctx.set('access-control-allow-origin', '*');
    ctx.status = 204;
  },
};
