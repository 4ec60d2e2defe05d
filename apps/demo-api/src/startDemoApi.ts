import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { dpopProofChecker } from './verifyDpopProof.js';

/** Options of {@link startDemoApi}. */
export interface DemoApiOptions {
  /** The tenant whose access tokens are accepted; its issuer is this URL with a trailing slash. */
  tenantUrl: string;
  /** The audience the tokens must be for. Default: `https://api.sesame.test`. */
  audience?: string;
  /** Default 4001; `0` picks a free port. */
  port?: number;
  /** Origins allowed to call from a browser (CORS). Default: the two demos on 127.0.0.1 and localhost. */
  origins?: string[];
}

/** A running demo API; `stop()` closes it. */
export interface RunningDemoApi {
  url: string;
  stop(): Promise<void>;
}

const demoOrigins = ['127.0.0.1', 'localhost'].flatMap((host) =>
  [5173, 5174].map((port) => `http://${host}:${port}`),
);

/** The API's answer; with a DPoP-bound token it says that the proof was checked too. */
const messagesFor = (dpop: boolean) => [
  { id: 1, from: 'Demo API', text: 'Hello from a protected API!' },
  {
    id: 2,
    from: 'Demo API',
    text: dpop
      ? 'Before answering, it verified your DPoP-bound access token: signature (the tenant’s JWKS), issuer, audience and expiry, and the DPoP proof sent with it — signed by the key the token is bound to (cnf.jkt), for this request (htm, htu), fresh and never seen before (iat, jti), for this token (ath).'
      : 'Before answering, it verified your access token: signature (the tenant’s JWKS), issuer, audience and expiry.',
  },
  { id: 3, from: 'Demo API', text: 'It also checked that the token carries the read:messages scope.' },
];

/** Why a token was refused, in words a developer can act on. */
function whyInvalid(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The access token’s "${error.claim}" claim is not accepted here: ${error.reason}.`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'The access token’s signature does not match any of the tenant’s keys.';
  }
  if (error instanceof errors.JOSEError) return `The access token is not a valid JWT (${error.code}).`;
  return 'The tenant’s keys could not be fetched to check the access token.';
}

/**
 * Starts the API the demos call: `GET /api/messages` answers a valid RS256 access token of
 * the tenant (signature checked against its JWKS, issuer, audience, expiry, `read:messages`
 * scope) and refuses anything else with 401 or 403 and a JSON `{ error, message }`. A DPoP-bound
 * token (`cnf.jkt`) is accepted only as `Authorization: DPoP` with a valid proof of its key
 * (see `dpopProofChecker`), so a copied token is worth nothing here.
 *
 * @example
 * const api = await startDemoApi({ tenantUrl: 'http://127.0.0.1:4000', port: 4001 });
 */
export async function startDemoApi(options: DemoApiOptions): Promise<RunningDemoApi> {
  const { audience = 'https://api.sesame.test', port = 4001, origins = demoOrigins } = options;
  const issuer = new URL('/', options.tenantUrl).href;
  const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', issuer));

  const send = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const checkProof = dpopProofChecker();
  // The challenge names the scheme the client used (RFC 9449 §7.1), so a DPoP client sees its error.
  const refuse = (
    res: ServerResponse,
    status: 401 | 403,
    error: string,
    message: string,
    scheme = 'Bearer',
  ) =>
    send(res, status, { error, message }, { 'www-authenticate': `${scheme} error="${error}", algs="ES256"` });

  async function answerMessages(req: IncomingMessage, res: ServerResponse) {
    const [scheme = '', token] = (req.headers.authorization ?? '').split(' ');
    const dpop = scheme.toLowerCase() === 'dpop';
    if (!(dpop || scheme.toLowerCase() === 'bearer') || !token) {
      return refuse(
        res,
        401,
        'invalid_request',
        'No access token: send it as "Authorization: Bearer <token>" (or "DPoP <token>" with a DPoP proof).',
      );
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer, audience, algorithms: ['RS256'] }));
    } catch (error) {
      return refuse(res, 401, 'invalid_token', whyInvalid(error), dpop ? 'DPoP' : 'Bearer');
    }
    const jkt = (payload.cnf as { jkt?: unknown } | undefined)?.jkt;
    if (jkt !== undefined && !dpop) {
      return refuse(
        res,
        401,
        'invalid_token',
        'This access token is DPoP-bound: it is accepted only as "Authorization: DPoP <token>" with a proof of its key.',
        'DPoP',
      );
    }
    if (dpop) {
      const proof = req.headers.dpop;
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const why =
        jkt === undefined
          ? 'This access token is not DPoP-bound: send it as "Authorization: Bearer <token>".'
          : await checkProof(typeof proof === 'string' ? proof : undefined, {
              method: req.method ?? 'GET',
              url,
              accessToken: token,
              jkt,
              now: Math.floor(Date.now() / 1000),
            });
      if (why)
        return refuse(res, 401, jkt === undefined ? 'invalid_token' : 'invalid_dpop_proof', why, 'DPoP');
    }
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    if (!scope.split(' ').includes('read:messages')) {
      return refuse(res, 403, 'insufficient_scope', 'The access token lacks the read:messages scope.');
    }
    const expiresAt = new Date((payload.exp ?? 0) * 1000).toISOString();
    send(res, 200, { messages: messagesFor(dpop), token: { sub: payload.sub, scope, expiresAt } });
  }

  const server = createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'www-authenticate, dpop-nonce');
    }
    res.setHeader('vary', 'origin');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'authorization, dpop',
        'access-control-max-age': '600',
      });
      return void res.end();
    }
    if (req.method === 'GET' && path === '/api/messages') return void answerMessages(req, res);
    send(res, 404, { error: 'not_found', message: `No route ${req.method} ${path}.` });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
