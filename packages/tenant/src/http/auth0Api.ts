import type { Context } from 'koa';
import type { TenantRoute, TenantServices } from '../routes/TenantRoute.js';
import { PayloadTooLargeError, readBody } from './readForm.js';

/** A JSON body as `Record<string, unknown>` without a prototype (so `__proto__` is just a key). */
export type Body = Record<string, unknown>;

/**
 * An error of the tenant's Auth0 API routes. Rendered as `{ error, error_description }`
 * (OAuth style: `/passwordless/*`, `/mfa/*`) or `{ name, code, description, statusCode }`
 * (`/dbconnections/*`) by {@link apiRoute}.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly description: unknown;
  /** The `name` of the dbconnections style, e.g. `BadRequestError`, `PasswordStrengthError`. */
  readonly errorName: string;
  readonly headers: Record<string, string>;
  /** More fields of the dbconnections-style body, e.g. `policy` of a `PasswordStrengthError`. */
  readonly fields: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    description: unknown,
    options: {
      name?: string;
      headers?: Record<string, string>;
      message?: string;
      fields?: Record<string, unknown>;
    } = {},
  ) {
    super(options.message ?? (typeof description === 'string' ? description : code));
    this.status = status;
    this.code = code;
    this.description = description;
    this.errorName = options.name ?? 'BadRequestError';
    this.headers = options.headers ?? {};
    this.fields = options.fields ?? {};
  }
}

/** A 400 for a missing or ill-typed field, naming it. */
export const badField = (field: string, problem: string) =>
  new ApiError(400, 'invalid_request', `${field} ${problem}`, { name: 'BadRequestError' });

/** Reads a JSON (or form) body. @throws {ApiError} 400 for a body that is not a JSON object, 413 for one over 64 KiB. */
export async function readBodyObject(ctx: Context): Promise<Body> {
  const bytes = await readBody(ctx.req).catch((error: unknown) => {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    throw new ApiError(413, 'request_entity_too_large', error.message, { name: 'PayloadTooLargeError' });
  });
  const text = bytes.toString('utf8');
  const out: Body = Object.create(null);
  if (ctx.is('application/json')) {
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new ApiError(400, 'invalid_request', 'The body is not valid JSON.');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new ApiError(400, 'invalid_request', 'The body must be a JSON object.');
    }
    Object.assign(out, json);
    return out;
  }
  for (const [key, value] of new URLSearchParams(text)) if (!(key in out)) out[key] = value;
  return out;
}

/** A string field; `required` ones must be non-empty. @throws {ApiError} naming the field. */
export function stringField(body: Body, field: string, required: true): string;
export function stringField(body: Body, field: string, required?: boolean): string | undefined;
export function stringField(body: Body, field: string, required = false): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw badField(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw badField(field, 'must be a string');
  return value;
}

/** The web origins of `clientId` (or of every application), which may call the API from a browser. */
function allowedOrigins(tenant: TenantServices, clientId?: string): string[] {
  return tenant.config.clients
    .filter((client) => !clientId || client.client_id === clientId)
    .flatMap((client) => [...client.web_origins, ...client.allowed_origins]);
}

/** Sets CORS headers when the request's `Origin` is a web origin of the application. */
export function allowCors(ctx: Context, tenant: TenantServices, clientId?: string): void {
  ctx.vary('Origin');
  const origin = ctx.get('origin');
  if (origin && allowedOrigins(tenant, clientId).includes(origin)) {
    ctx.set('access-control-allow-origin', origin);
  }
}

/** The `OPTIONS` preflight of a browser-callable route (any application's web origin). */
export function preflight(path: string, methods = 'POST'): TenantRoute {
  return {
    method: 'OPTIONS',
    path,
    handle(ctx, tenant) {
      allowCors(ctx, tenant);
      ctx.set('access-control-allow-methods', methods);
      ctx.set('access-control-allow-headers', 'content-type, authorization, auth0-client');
      ctx.set('access-control-max-age', '600');
      ctx.status = 204;
    },
  };
}

/**
 * A JSON route of the Auth0 API: CORS for the applications' web origins, `no-store`, and
 * {@link ApiError}s rendered in the route's `style`.
 */
export function apiRoute(
  route: Omit<TenantRoute, 'handle'> & { style: 'oauth' | 'dbconnections' },
  handle: (ctx: Context, tenant: TenantServices, params: Record<string, string>) => Promise<void> | void,
): TenantRoute {
  const { style, ...rest } = route;
  return {
    ...rest,
    async handle(ctx, tenant, params) {
      allowCors(ctx, tenant);
      ctx.set('cache-control', 'no-store');
      try {
        await handle(ctx, tenant, params);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        ctx.status = error.status;
        for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
        ctx.body =
          style === 'oauth'
            ? { error: error.code, error_description: error.description }
            : {
                name: error.errorName,
                code: error.code,
                description: error.description,
                message: error.message,
                ...error.fields,
                statusCode: error.status,
              };
      }
    },
  };
}

/**
 * The application of `client_id`; from now on CORS allows only its web origins.
 *
 * @throws {ApiError} 401 for an unknown one or a wrong secret.
 */
export function applicationOf(ctx: Context, tenant: TenantServices, body: Body) {
  const clientId = stringField(body, 'client_id', true);
  const app = tenant.config.clients.find((client) => client.client_id === clientId);
  if (!app) throw new ApiError(401, 'unauthorized_client', 'Unknown client.', { name: 'UnauthorizedError' });
  ctx.remove('access-control-allow-origin');
  allowCors(ctx, tenant, app.client_id);
  const secret = stringField(body, 'client_secret');
  if (secret !== undefined && secret !== app.client_secret) {
    throw new ApiError(401, 'access_denied', 'Unauthorized', { name: 'UnauthorizedError' });
  }
  return app;
}

/**
 * {@link applicationOf}, and a confidential application (token endpoint auth method `client_secret_post`
 * or `client_secret_basic`) must prove itself with its `client_secret` (in the body, or HTTP Basic), as
 * Auth0 requires of regular web applications on `/passwordless/start`.
 *
 * @throws {ApiError} 401 `unauthorized_client` without the secret, 401 `access_denied` for a wrong one.
 */
export function authenticatedApplicationOf(ctx: Context, tenant: TenantServices, body: Body) {
  const basic = /^basic (.+)$/i.exec(ctx.get('authorization'))?.[1];
  if (basic && body.client_id === undefined && body.client_secret === undefined) {
    const [id = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    body.client_id = decodeURIComponent(id);
    body.client_secret = decodeURIComponent(secret);
  }
  const app = applicationOf(ctx, tenant, body);
  if (app.token_endpoint_auth_method !== 'none' && stringField(body, 'client_secret') === undefined) {
    throw new ApiError(401, 'unauthorized_client', 'Client authentication is required', {
      name: 'UnauthorizedError',
    });
  }
  return app;
}
