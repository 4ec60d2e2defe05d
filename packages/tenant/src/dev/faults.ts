import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, withBody } from '../http/readForm.js';

/**
 * A fault to inject, as `POST /__dev/faults` takes it. The next `count` requests that match
 * `route` (and `grantType`) get the fault instead of (or, for a bare `delayMs`, before) their
 * normal answer.
 *
 * @example
 * ```json
 * { "route": "POST /oauth/token", "count": 2, "status": 429, "retryAfter": 3 }
 * { "route": "/oauth/", "count": 1, "drop": true }
 * { "route": "POST /oauth/token", "grantType": "refresh_token", "count": 1, "body": "truncated-json" }
 * ```
 */
export interface FaultSpec {
  /** `METHOD /exact/path` (e.g. `POST /oauth/token`), or a path prefix (`/oauth/`) for any method. */
  route: string;
  /** How many matching requests get the fault; then it is gone. */
  count: number;
  /** Answer with this status (default 200 with `body`, else 503 unless only `delayMs` is set). */
  status?: number;
  /** Seconds for a `Retry-After` header. */
  retryAfter?: number;
  /** Wait this long first; alone, the request then proceeds normally. */
  delayMs?: number;
  /** `html`: an HTML error page; `truncated-json`: JSON cut off in the middle. */
  body?: 'html' | 'truncated-json';
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Only `/oauth/token` requests with this `grant_type`. */
  grantType?: string;
}

/** An active fault, as `GET /__dev/faults` lists it: `count` is what remains. */
export interface ActiveFault extends FaultSpec {
  /** The number the tenant gave the fault when it was added (increasing). */
  id: number;
}

const FIELDS = new Set(['route', 'count', 'status', 'retryAfter', 'delayMs', 'body', 'drop', 'grantType']);
const isWhole = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;

/**
 * Checks a `POST /__dev/faults` body.
 *
 * @returns the fault, or a message naming the first missing or ill-typed field.
 */
export function parseFaultSpec(value: unknown): FaultSpec | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const spec = value as Record<string, unknown>;
  const unknown = Object.keys(spec).find((key) => !FIELDS.has(key));
  if (unknown) return `${unknown} is not a known field`;
  if (typeof spec.route !== 'string' || !/^(?:[A-Z]+ )?\//.test(spec.route)) {
    return 'route must be "METHOD /path" or a path prefix starting with /';
  }
  if (!isWhole(spec.count, 1)) return 'count must be a positive integer';
  if (spec.status !== undefined && !(isWhole(spec.status, 100) && (spec.status as number) <= 599)) {
    return 'status must be an HTTP status code (100-599)';
  }
  if (spec.retryAfter !== undefined && !isWhole(spec.retryAfter, 0)) {
    return 'retryAfter must be a non-negative integer (seconds)';
  }
  if (spec.delayMs !== undefined && !isWhole(spec.delayMs, 0))
    return 'delayMs must be a non-negative integer';
  if (spec.body !== undefined && spec.body !== 'html' && spec.body !== 'truncated-json') {
    return 'body must be "html" or "truncated-json"';
  }
  if (spec.drop !== undefined && typeof spec.drop !== 'boolean') return 'drop must be true or false';
  if (spec.grantType !== undefined && (typeof spec.grantType !== 'string' || !spec.grantType)) {
    return 'grantType must be a non-empty string';
  }
  return spec as unknown as FaultSpec;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function matchesRoute(route: string, method: string, path: string): boolean {
  const space = route.indexOf(' ');
  if (space === -1) return path.startsWith(route);
  return route.slice(0, space) === method && route.slice(space + 1) === path;
}

const errorFor = (status: number) =>
  status === 429 ? 'too_many_requests' : status >= 500 ? 'server_error' : 'invalid_request';

/**
 * The faults of `/__dev/faults`: a list of {@link FaultSpec}s and the request hook that
 * applies them. It runs before everything else (oidc-provider's endpoints included), never
 * on `/__dev/*` or CORS preflights, so a browser client sees the fault itself.
 */
export class FaultInjector {
  #faults: ActiveFault[] = [];
  #nextId = 1;
  readonly #onInjected: () => void;

  /** @param onInjected - called for every request that got a fault (for the counters). */
  constructor(onInjected: () => void = () => {}) {
    this.#onInjected = onInjected;
  }

  /** Adds a fault; returns it with its id. */
  add(spec: FaultSpec): ActiveFault {
    const fault = { id: this.#nextId++, ...spec };
    this.#faults.push(fault);
    return { ...fault };
  }

  /** The active faults with their remaining counts. */
  list(): ActiveFault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** Removes every fault. */
  clear(): void {
    this.#faults = [];
  }

  /**
   * Applies the first matching fault to a request (consuming one of its `count`).
   *
   * @returns the request to go on with (a copy when the body had to be read to find the
   *   `grant_type`), or `undefined` when the fault answered (or dropped) it.
   */
  async intercept(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | undefined> {
    if (!this.#faults.length) return req;
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://tenant.invalid').pathname;
    if (
      path.startsWith('/__dev/') ||
      (method === 'OPTIONS' && req.headers['access-control-request-method'])
    ) {
      return req;
    }
    let candidates = this.#faults.filter((fault) => matchesRoute(fault.route, method, path));
    if (!candidates.length) return req;

    let request = req;
    if (candidates.some((fault) => fault.grantType)) {
      const body = await readBody(req);
      request = withBody(req, body);
      const grantType = grantTypeOf(body, req.headers['content-type']);
      candidates = candidates.filter((fault) => !fault.grantType || fault.grantType === grantType);
    }
    const fault = candidates[0];
    if (!fault) return request;
    fault.count -= 1;
    if (fault.count <= 0) this.#faults = this.#faults.filter((other) => other !== fault);
    this.#onInjected();

    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      req.socket.destroy();
      return undefined;
    }
    if (fault.status === undefined && fault.body === undefined && fault.retryAfter === undefined) {
      return request;
    }
    respond(req, res, fault);
    return undefined;
  }
}

function grantTypeOf(body: Buffer, contentType: string | undefined): string | undefined {
  const text = body.toString('utf8');
  if ((contentType ?? '').startsWith('application/json')) {
    try {
      const json = JSON.parse(text) as { grant_type?: unknown };
      return typeof json.grant_type === 'string' ? json.grant_type : undefined;
    } catch {
      return undefined;
    }
  }
  return new URLSearchParams(text).get('grant_type') ?? undefined;
}

function respond(req: IncomingMessage, res: ServerResponse, fault: FaultSpec): void {
  const status = fault.status ?? (fault.body ? 200 : 503);
  // Browser clients must be able to read the faulty answer, as they would a gateway's.
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'retry-after');
    res.setHeader('vary', 'origin');
  }
  if (fault.retryAfter !== undefined) res.setHeader('retry-after', String(fault.retryAfter));
  res.setHeader('cache-control', 'no-store');
  res.statusCode = status;
  if (fault.body === 'html') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html><head><title>${status}</title></head><body><h1>${status}</h1><p>Injected fault</p></body></html>`,
    );
    return;
  }
  const json = JSON.stringify({ error: errorFor(status), error_description: `Injected fault (${status})` });
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(fault.body === 'truncated-json' ? json.slice(0, Math.floor(json.length / 2)) : json);
}
