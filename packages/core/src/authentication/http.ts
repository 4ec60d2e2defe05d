// The one request path of the Authentication API functions: argument checks, the endpoint URL
// (https, or plain http for a loopback host), the injected fetch under a deadline, and server
// errors mapped to `AuthError`. Not exported from the subpath.
import { isSecureEnough } from '../config/resolveConfig.js';
import { AuthError } from '../errors/AuthError.js';
import { MfaRequiredError } from '../errors/MfaRequiredError.js';
import { toAuthError } from '../errors/toAuthError.js';
import { withTimeout } from '../util/withTimeout.js';
import type { ClientAuthenticationOptions, DomainOptions } from './types.js';

const DEFAULT_TIMEOUT_SECONDS = 10;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Throws the `TypeError` of a bad argument, naming it. */
export function fail(name: string, expected: string): never {
  throw new TypeError(`"${name}" must be ${expected}`);
}

/** `options` must be an object; returns it as a record to read fields from. */
export function checkObject(value: unknown, name = 'options'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(name, 'an object');
  return value as Record<string, unknown>;
}

/**
 * The origin of `options.domain`: an Auth0 domain (`example.eu.auth0.com` → `https://…`) or a
 * full origin. Plain http only for a loopback host, as in `createAuthClient()`.
 */
export function originOf(options: DomainOptions): string {
  const domain = checkObject(options).domain;
  if (typeof domain !== 'string' || !domain) fail('options.domain', 'a non-empty string');
  let url: URL;
  try {
    url = new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`);
  } catch {
    fail('options.domain', 'a host name or an http(s) origin');
  }
  if (!isSecureEnough(url)) {
    fail('options.domain', 'https (plain http only for localhost, 127.0.0.1 or [::1])');
  }
  return url.origin;
}

/** A non-empty string argument. */
export function checkString(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value) fail(name, 'a non-empty string');
  return value;
}

/** `options.clientId`. */
export function clientIdOf(options: object): string {
  return checkString(checkObject(options).clientId, 'options.clientId');
}

/**
 * How each endpoint field is checked: `s` a non-empty string, `a` an array of strings, `o` an
 * object; a trailing `?` makes it optional.
 */
export type FieldSpec = Readonly<Record<string, 's' | 's?' | 'a' | 'a?' | 'o?'>>;

/**
 * Checks the endpoint fields of `options` against `spec` and returns those that are set, under
 * the seed's names, ready to send.
 */
export function fields(options: object, spec: FieldSpec): Record<string, unknown> {
  const source = options as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const value = source[name];
    if (value === undefined && kind.endsWith('?')) continue;
    const ok =
      kind[0] === 's'
        ? typeof value === 'string' && value !== ''
        : kind[0] === 'a'
          ? Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v)
          : typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!ok) {
      fail(
        `options.${name}`,
        kind[0] === 's'
          ? 'a non-empty string'
          : kind[0] === 'a'
            ? 'an array of non-empty strings'
            : 'an object',
      );
    }
    out[name] = value;
  }
  return out;
}

/** True in a browser page, where whatever the code holds can be read by anyone who opens it. */
function inBrowserPage(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

/**
 * `client_secret` or `client_assertion` (with its type) from `options.clientSecret` /
 * `options.clientAssertion`, refused in a browser page. `assertion: false` where the seed's
 * schema has `client_secret` only.
 */
export function clientAuthentication(
  options: ClientAuthenticationOptions,
  assertion = true,
): Record<string, string> {
  const { clientSecret, clientAssertion } = options;
  if (clientSecret === undefined && clientAssertion === undefined) return {};
  if (clientAssertion !== undefined && !assertion) {
    fail('options.clientAssertion', 'left out: this endpoint takes a client secret only');
  }
  if (clientSecret !== undefined && clientAssertion !== undefined) {
    fail(
      'options.clientSecret',
      'left out when "options.clientAssertion" is given (one client authentication)',
    );
  }
  const name = clientSecret !== undefined ? 'options.clientSecret' : 'options.clientAssertion';
  const value = checkString(clientSecret ?? clientAssertion, name);
  if (inBrowserPage()) {
    throw new TypeError(
      `"${name}" must not be used in a browser page: everyone who opens the page can read it, so it ` +
        'authenticates nobody. Browser apps are public clients (no secret); send secrets from a server.',
    );
  }
  return clientSecret !== undefined
    ? { client_secret: value }
    : { client_assertion: value, client_assertion_type: JWT_BEARER };
}

/** Parses JSON without ever touching `Object.prototype`: `__proto__` keys are dropped. */
export function parseJson(text: string): unknown {
  return JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : value));
}

/** A checked request, ready to send: everything the caller passed was validated. */
export interface Endpoint {
  readonly url: URL;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

/** Checks the transport options (`domain`, `fetch`, `timeoutInSeconds`, `signal`) and builds the URL. */
export function endpoint(options: DomainOptions, path: string): Endpoint {
  const url = new URL(path, originOf(options));
  const { fetch: fetchOption, timeoutInSeconds = DEFAULT_TIMEOUT_SECONDS, signal } = options;
  if (fetchOption !== undefined && typeof fetchOption !== 'function') fail('options.fetch', 'a function');
  if (typeof timeoutInSeconds !== 'number' || !(timeoutInSeconds > 0) || timeoutInSeconds === Infinity) {
    fail('options.timeoutInSeconds', 'a number > 0');
  }
  // Duck-typed: a signal of another realm (a test DOM, an iframe) is as good.
  if (
    signal !== undefined &&
    (typeof signal?.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')
  ) {
    fail('options.signal', 'an AbortSignal');
  }
  return {
    url,
    fetch: fetchOption ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)),
    timeoutMs: timeoutInSeconds * 1000,
    signal,
  };
}

/** What to send: a JSON or form body, a bearer token, a method other than the default. */
export interface Send {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly json?: unknown;
  readonly form?: Record<string, unknown>;
  readonly bearer?: string;
}

function describe(status: number, code: string | undefined, response: Response): Error {
  const retryAfter = response.headers.get('retry-after');
  return new Error(
    `HTTP ${status}${code ? ` ${code}` : ''}${retryAfter ? `, Retry-After: ${retryAfter}` : ''}`,
  );
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * The `AuthError` of an unsuccessful response. OAuth endpoints answer `{error,
 * error_description}`, `/dbconnections` `{name, code, description, statusCode}`: both keep the
 * server's code. 5xx is `server_error` and 429 `rate_limited` (both retryable), except the
 * device flow's `slow_down`. `mfa_required` is an `MfaRequiredError`. The cause says the status
 * and the server's code, never the body (it may hold an `mfa_token`).
 */
async function errorOf(response: Response): Promise<AuthError> {
  // Not JSON (a proxy's error page): the status says enough.
  const value = parsed(await response.text());
  const body = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { status } = response;
  const serverCode = text(body.error) ?? text(body.code) ?? text(body.errorCode);
  const description =
    text(body.error_description) ?? text(body.description) ?? text(body.message) ?? `HTTP ${status}`;
  const cause = describe(status, serverCode, response);
  if (serverCode === 'mfa_required' && typeof body.mfa_token === 'string') {
    return new MfaRequiredError(body.mfa_token, description, { cause });
  }
  const code =
    status >= 500
      ? 'server_error'
      : status === 429 && serverCode !== 'slow_down'
        ? 'rate_limited'
        : (serverCode ?? 'invalid_response');
  return new AuthError(code, description, { cause });
}

/**
 * Sends one request under the deadline (`timeoutInSeconds`) and the caller's `signal`, and
 * returns the body text of a 2xx answer. Fetch failures become `network_error`, the deadline
 * `timeout`; the caller's abort rejects with its reason, as fetch does.
 */
export function send(target: Endpoint, request: Send = {}): Promise<string> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form as Record<string, string>).toString();
  }
  if (request.bearer !== undefined) headers.authorization = `Bearer ${request.bearer}`;
  const method = request.method ?? (body === undefined ? 'GET' : 'POST');
  const caller = target.signal;
  caller?.throwIfAborted();
  return withTimeout(target.timeoutMs, async (deadline) => {
    const controller = new AbortController();
    const abort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
    deadline.addEventListener('abort', abort);
    caller?.addEventListener('abort', abort);
    try {
      const response = await target.fetch(target.url.href, {
        method,
        headers,
        body,
        signal: controller.signal,
      });
      if (!response.ok) throw await errorOf(response);
      return await response.text();
    } catch (error) {
      if (caller?.aborted) throw caller.reason;
      throw toAuthError(error, deadline);
    } finally {
      caller?.removeEventListener('abort', abort);
      deadline.removeEventListener('abort', abort);
    }
  });
}

function parsed(body: string): unknown {
  try {
    return parseJson(body);
  } catch {
    return undefined;
  }
}

/** The JSON object of a success body, else `invalid_response`. */
export function jsonObject(body: string, what: string): Record<string, unknown> {
  const value = parsed(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AuthError('invalid_response', `${what} did not answer with a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** The JSON array of a success body, else `invalid_response`. */
export function jsonArray(body: string, what: string): unknown[] {
  const value = parsed(body);
  if (!Array.isArray(value))
    throw new AuthError('invalid_response', `${what} did not answer with a JSON array`);
  return value;
}
