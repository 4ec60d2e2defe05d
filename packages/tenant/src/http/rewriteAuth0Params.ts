import { IncomingMessage } from 'node:http';
import { auth0Routes, OFFLINE_ACCESS_PARAM } from '../provider/auth0Routes.js';
import { readBody } from './readForm.js';

/**
 * Translates Auth0 request parameters into what oidc-provider understands, before it sees
 * the request:
 *
 * - `audience` becomes a resource indicator (`resource`) on `GET /authorize` and
 *   `POST /oauth/token`, unless `resource` is already there.
 * - `offline_access` in the scope of `GET /authorize` is recorded in
 *   `sesame_offline_access=1`, because oidc-provider drops `offline_access` without
 *   `prompt=consent` (see `provider/offlineAccess.ts`). A client-sent value is removed.
 *
 * @returns the request to hand to oidc-provider: `req` itself, or for a token request a
 *   copy carrying the rewritten body (the original stream has been read).
 */
export async function rewriteAuth0Params(req: IncomingMessage): Promise<IncomingMessage> {
  const url = new URL(req.url ?? '/', 'http://tenant.invalid');

  if (req.method === 'GET' && url.pathname === auth0Routes.authorization) {
    const params = url.searchParams;
    params.delete(OFFLINE_ACCESS_PARAM);
    if (params.get('scope')?.split(' ').includes('offline_access')) params.set(OFFLINE_ACCESS_PARAM, '1');
    const audience = params.get('audience');
    if (audience && !params.has('resource')) params.set('resource', audience);
    req.url = `${url.pathname}${url.search}`;
    return req;
  }

  const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  if (req.method === 'POST' && url.pathname === auth0Routes.token && isForm) {
    let body = await readBody(req);
    const params = new URLSearchParams(body.toString('utf8'));
    const audience = params.get('audience');
    if (audience && !params.has('resource')) {
      params.set('resource', audience);
      body = Buffer.from(params.toString(), 'utf8');
    }
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

  return req;
}
