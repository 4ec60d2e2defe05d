import type { IncomingMessage } from 'node:http';
import { auth0Routes, OFFLINE_ACCESS_PARAM } from '../provider/auth0Routes.js';
import { readBody, withBody } from './readForm.js';

/** `audience` becomes a resource indicator unless `resource` is already there. */
function audienceToResource(params: URLSearchParams): void {
  const audience = params.get('audience');
  if (audience && !params.has('resource')) params.set('resource', audience);
}

/** See `provider/offlineAccess.ts`: oidc-provider drops `offline_access` without `prompt=consent`. */
function keepOfflineAccess(params: URLSearchParams): void {
  params.delete(OFFLINE_ACCESS_PARAM);
  if (params.get('scope')?.split(' ').includes('offline_access')) params.set(OFFLINE_ACCESS_PARAM, '1');
}

/**
 * A refresh asking again for `offline_access` (okta-auth-js, oidc-client-ts do) is accepted, as
 * Auth0 accepts it: the refresh token itself is the offline access, not a scope it carries.
 */
function refreshWithoutOfflineAccess(params: URLSearchParams): void {
  const scope = params.get('scope');
  if (params.get('grant_type') !== 'refresh_token' || !scope) return;
  const rest = scope.split(' ').filter((s) => s && s !== 'offline_access');
  if (rest.length) params.set('scope', rest.join(' '));
  else params.delete('scope');
}

/**
 * Translates Auth0 request parameters into what oidc-provider understands, before it sees
 * the request:
 *
 * - `audience` becomes a resource indicator (`resource`) on `/authorize` (GET query or
 *   POST form), `POST /oauth/token` and `POST /oauth/device/code`, unless `resource` is
 *   already there.
 * - A JSON body of `POST /oauth/token`, `/oauth/device/code` or `/oauth/revoke` (Auth0
 *   accepts JSON there; oidc-provider reads forms only) becomes a form.
 * - `offline_access` in the scope of `/authorize` is recorded in `sesame_offline_access=1`,
 *   because oidc-provider drops `offline_access` without `prompt=consent` (see
 *   `provider/offlineAccess.ts`). A client-sent value is removed.
 * - `offline_access` in the scope of a refresh-token grant is dropped (the refresh token does
 *   not carry it as a scope; Auth0 accepts such refreshes).
 *
 * @returns the request to hand to oidc-provider: `req` itself (its URL possibly changed),
 *   or for a form POST a copy carrying the rewritten body.
 */
export async function rewriteAuth0Params(req: IncomingMessage): Promise<IncomingMessage> {
  const url = new URL(req.url ?? '/', 'http://tenant.invalid');
  const isAuthorize = url.pathname === auth0Routes.authorization;
  const isToken = url.pathname === auth0Routes.token;
  const isDevice = url.pathname === auth0Routes.device_authorization;
  const acceptsJson = isToken || isDevice || url.pathname === auth0Routes.revocation;
  if (!isAuthorize && !acceptsJson) return req;

  const rewrite = (params: URLSearchParams) => {
    audienceToResource(params);
    if (isAuthorize) keepOfflineAccess(params);
    if (isToken) refreshWithoutOfflineAccess(params);
  };

  if (req.method === 'GET' && isAuthorize) {
    rewrite(url.searchParams);
    req.url = `${url.pathname}${url.search}`;
    return req;
  }
  const contentType = req.headers['content-type'] ?? '';
  const isForm = contentType.startsWith('application/x-www-form-urlencoded');
  const isJson = acceptsJson && contentType.startsWith('application/json');
  if (req.method === 'POST' && (isForm || isJson)) {
    const text = (await readBody(req)).toString('utf8');
    const params = isJson ? jsonToParams(text) : new URLSearchParams(text);
    rewrite(params);
    const copy = withBody(req, Buffer.from(params.toString(), 'utf8'));
    copy.headers['content-type'] = 'application/x-www-form-urlencoded';
    return copy;
  }
  return req;
}

/**
 * A malformed JSON body: answered 400 `{ error: 'invalid_request', error_description }`
 * naming the field, before oidc-provider (so nothing is stored).
 */
export class InvalidBodyError extends Error {
  override readonly name = 'InvalidBodyError';
  readonly status = 400;

  /** The OAuth error body. */
  toJSON() {
    return { error: 'invalid_request', error_description: this.message };
  }
}

/**
 * A JSON object body as form parameters. Auth0's fields on these endpoints are strings, so
 * any other value is refused naming its field.
 *
 * @throws {InvalidBodyError} for invalid JSON, a non-object, or a non-string field.
 */
function jsonToParams(text: string): URLSearchParams {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new InvalidBodyError('The request body is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InvalidBodyError('The request body must be a JSON object');
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(json)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') throw new InvalidBodyError(`${key} must be a string`);
    params.append(key, value);
  }
  return params;
}
