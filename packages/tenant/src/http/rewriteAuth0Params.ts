import { IncomingMessage } from 'node:http';
import { auth0Routes, OFFLINE_ACCESS_PARAM } from '../provider/auth0Routes.js';
import { readBody } from './readForm.js';

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

/** A request equal to `req` but with `body` (the original stream has been read). */
function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = { ...req.headers, 'content-length': String(body.length) };
  delete copy.headers['transfer-encoding'];
  // `complete` tells IncomingMessage not to destroy the socket when the copy is consumed.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/**
 * Translates Auth0 request parameters into what oidc-provider understands, before it sees
 * the request:
 *
 * - `audience` becomes a resource indicator (`resource`) on `/authorize` (GET query or
 *   POST form) and `POST /oauth/token`, unless `resource` is already there.
 * - `offline_access` in the scope of `/authorize` is recorded in `sesame_offline_access=1`,
 *   because oidc-provider drops `offline_access` without `prompt=consent` (see
 *   `provider/offlineAccess.ts`). A client-sent value is removed.
 *
 * @returns the request to hand to oidc-provider: `req` itself (its URL possibly changed),
 *   or for a form POST a copy carrying the rewritten body.
 */
export async function rewriteAuth0Params(req: IncomingMessage): Promise<IncomingMessage> {
  const url = new URL(req.url ?? '/', 'http://tenant.invalid');
  const isAuthorize = url.pathname === auth0Routes.authorization;
  const isToken = url.pathname === auth0Routes.token;
  if (!isAuthorize && !isToken) return req;

  const rewrite = (params: URLSearchParams) => {
    audienceToResource(params);
    if (isAuthorize) keepOfflineAccess(params);
  };

  if (req.method === 'GET' && isAuthorize) {
    rewrite(url.searchParams);
    req.url = `${url.pathname}${url.search}`;
    return req;
  }
  const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  if (req.method === 'POST' && isForm) {
    const params = new URLSearchParams((await readBody(req)).toString('utf8'));
    rewrite(params);
    return withBody(req, Buffer.from(params.toString(), 'utf8'));
  }
  return req;
}
