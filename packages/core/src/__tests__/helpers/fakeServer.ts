import { createAuthClient } from '../../createAuthClient.js';
import { memoryStorage } from '../../storage/memoryStorage.js';
import type { AuthClient, AuthClientOptions, AuthStorage } from '../../types.js';
import { pooledKeyPair } from './keyPairs.js';

const encoder = new TextEncoder();
/** base64url without padding. */
export const b64u = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const b64uJson = (value: unknown) => b64u(encoder.encode(JSON.stringify(value)));

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JsonWebKey;
}

// Nearly every test creates a server: its RSA pairs come from a pool (see pooledKeyPair).
const RSA_KEY = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

async function generateKey(kid: string): Promise<SigningKey> {
  const pair = await pooledKeyPair(RSA_KEY);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { kid, privateKey: pair.privateKey, jwk: { kty: jwk.kty, n: jwk.n, e: jwk.e } };
}

/** A recorded request to the fake server. */
export interface RecordedRequest {
  path: string;
  /** The form fields; for a JSON body, its string members. */
  body: URLSearchParams;
  method?: string;
  headers?: Headers;
  /** The parsed body of a JSON request. */
  json?: Record<string, unknown>;
}

type Handler = (request: RecordedRequest, signal: AbortSignal | undefined) => Promise<Response> | Response;

/** A JSON response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fake clock the client and the server share, in milliseconds. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let time = start;
  return {
    now: () => time,
    advance: (seconds: number) => {
      time += seconds * 1000;
    },
  };
}

/**
 * An authorization server in memory: `/authorize` (as `authorize(url)`), `/oauth/token`
 * (code with PKCE, rotating refresh tokens with reuse detection), the JWKS and discovery,
 * with signed RS256 ID tokens. Every request is recorded; `next` overrides the next token answers.
 */
export async function createFakeServer(options: {
  now: () => number;
  origin?: string;
  clientId?: string;
  issuer?: string;
}) {
  const origin = options.origin ?? 'https://tenant.example';
  const issuer = options.issuer ?? `${origin}/`;
  const clientId = options.clientId ?? 'client-1';
  const keys = [await generateKey('key-1')];
  const codes = new Map<string, { nonce: string; challenge: string; scope: string; sub: string }>();
  const refreshTokens = new Map<string, { used: boolean; sub: string }>();
  const requests: RecordedRequest[] = [];
  const next: Handler[] = [];
  let counter = 0;
  const server = {
    origin,
    issuer,
    clientId,
    requests,
    /** Answers for the next token requests, in order, before the normal behaviour. */
    next,
    sub: 'user-1',
    /** Extra claims of the next ID tokens. */
    claims: {} as Record<string, unknown>,
    /** Accepts an already-used refresh token again (a rotation "reuse interval") when true. */
    reuseInterval: false,
    /** Sends no refresh token in token responses when false. */
    rotate: true,
    /** Issues ID tokens signed with this key id (default: the newest key). */
    signingKid: undefined as string | undefined,
    /** Handlers of further paths (`/passwordless/start`, `/userinfo`, ...). */
    routes: {} as Record<string, Handler>,
    /** Handlers of further token grants, by `grant_type`. */
    grants: {} as Record<string, Handler>,
    tokenRequests: (grant?: string) =>
      requests.filter((r) => r.path === '/oauth/token' && (!grant || r.body.get('grant_type') === grant)),
    options: (extra: Partial<AuthClientOptions> = {}): AuthClientOptions => ({
      domain: origin,
      clientId,
      fetch: server.fetch,
      now: options.now,
      storage: 'memory',
      ...extra,
    }),
    async rotateKey() {
      keys.push(await generateKey(`key-${keys.length + 1}`));
    },
    /** Signs claims, or a raw JSON payload (for numbers JSON.stringify cannot write, such as `1e999`). */
    async signIdToken(claims: Record<string, unknown> | string, kid?: string): Promise<string> {
      const key = keys.find((k) => k.kid === (kid ?? server.signingKid)) ?? keys[keys.length - 1]!;
      const payload = typeof claims === 'string' ? b64u(encoder.encode(claims)) : b64uJson(claims);
      const input = `${b64uJson({ alg: 'RS256', typ: 'JWT', kid: kid ?? server.signingKid ?? key.kid })}.${payload}`;
      const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, encoder.encode(input));
      return `${input}.${b64u(new Uint8Array(signature))}`;
    },
    /** What the server's `/authorize` would answer: the authorization response parameters. */
    authorize(authorizeUrl: string | URL, answer: Record<string, string> = {}): Record<string, string> {
      const url = new URL(authorizeUrl);
      const code = `code-${++counter}`;
      codes.set(code, {
        nonce: url.searchParams.get('nonce') ?? '',
        challenge: url.searchParams.get('code_challenge') ?? '',
        scope: url.searchParams.get('scope') ?? '',
        sub: server.sub,
      });
      return { code, state: url.searchParams.get('state') ?? '', iss: issuer, ...answer };
    },
    /** The redirect back to the app that `/authorize` would send. */
    callbackUrl(authorizeUrl: string | URL, answer: Record<string, string> = {}): string {
      const redirect = new URL(new URL(authorizeUrl).searchParams.get('redirect_uri')!);
      for (const [name, value] of Object.entries(server.authorize(authorizeUrl, answer))) {
        redirect.searchParams.set(name, value);
      }
      return redirect.href;
    },
    async issue(sub: string, scope: string, nonce?: string) {
      const now = Math.floor(options.now() / 1000);
      const id_token = await server.signIdToken({
        iss: issuer,
        aud: clientId,
        sub,
        iat: now,
        exp: now + 3600,
        ...(nonce && { nonce }),
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        ...server.claims,
      });
      const refresh_token = `rt-${++counter}`;
      if (server.rotate) refreshTokens.set(refresh_token, { used: false, sub });
      return json({
        access_token: `at-${++counter}`,
        id_token,
        token_type: 'Bearer',
        expires_in: 3600,
        scope,
        ...(server.rotate && { refresh_token }),
      });
    },
    async token(request: RecordedRequest): Promise<Response> {
      const { body } = request;
      if (body.get('grant_type') === 'authorization_code') {
        const grant = codes.get(body.get('code') ?? '');
        codes.delete(body.get('code') ?? '');
        const digest = await crypto.subtle.digest('SHA-256', encoder.encode(body.get('code_verifier') ?? ''));
        if (!grant || b64u(new Uint8Array(digest)) !== grant.challenge)
          return json({ error: 'invalid_grant' }, 400);
        return server.issue(grant.sub, grant.scope, grant.nonce);
      }
      if (body.get('grant_type') === 'refresh_token') {
        const grant = refreshTokens.get(body.get('refresh_token') ?? '');
        if (!grant || (grant.used && !server.reuseInterval))
          return json({ error: 'invalid_grant', error_description: 'reused or unknown' }, 400);
        grant.used = true;
        return server.issue(grant.sub, 'openid profile email offline_access');
      }
      const extra = server.grants[body.get('grant_type') ?? ''];
      return extra ? extra(request, undefined) : json({ error: 'unsupported_grant_type' }, 400);
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = new Headers(init?.headers);
      const text = init?.body ? String(init.body) : '';
      const parsed = headers.get('content-type')?.includes('json')
        ? (JSON.parse(text) as Record<string, unknown>)
        : undefined;
      const body = new URLSearchParams(
        parsed
          ? Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
          : text,
      );
      const request: RecordedRequest = {
        path: url.pathname,
        body,
        method: init?.method ?? 'GET',
        headers,
        json: parsed,
      };
      requests.push(request);
      init?.signal?.throwIfAborted();
      if (url.origin !== origin) throw new TypeError('Failed to fetch');
      switch (url.pathname) {
        case '/.well-known/jwks.json':
          return json({ keys: keys.map((k) => ({ ...k.jwk, kid: k.kid, alg: 'RS256', use: 'sig' })) });
        case '/.well-known/openid-configuration':
          return json({
            issuer,
            authorization_endpoint: `${origin}/auth`,
            token_endpoint: `${origin}/oauth/token`,
            jwks_uri: `${origin}/.well-known/jwks.json`,
            end_session_endpoint: `${origin}/session/end`,
          });
        case '/oauth/token': {
          const handler = next.shift();
          return handler ? handler(request, init?.signal ?? undefined) : server.token(request);
        }
      }
      const route = server.routes[url.pathname];
      return route ? route(request, init?.signal ?? undefined) : json({ error: 'not_found' }, 404);
    }) as typeof fetch,
  };
  return server;
}

export type FakeServer = Awaited<ReturnType<typeof createFakeServer>>;

/** A token answer that never comes: settles only when the request is aborted. */
export const hang: Handler = (_request, signal) =>
  new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));

/** A JSON answer with a status, for `next`. */
export const answer =
  (status: number, body: unknown = {}): Handler =>
  () =>
    json(body, status);

/** Signs a user in through the redirect flow; returns the client's callback result. */
export async function signIn(
  client: {
    loginWithRedirect: (o: { openUrl: (url: string) => void; appState?: unknown }) => Promise<void>;
    handleRedirectCallback: (url?: string) => Promise<unknown>;
  },
  server: FakeServer,
) {
  const browser = urlCatcher();
  await client.loginWithRedirect({ openUrl: browser.open });
  return client.handleRedirectCallback(server.callbackUrl(browser.url));
}

/** The store key of the client-wide audience and scope (refresh tokens on: `offline_access`). */
export const DEFAULT_TOKEN_KEY = 'token:|email offline_access openid profile';

/** The refresh token stored under {@link DEFAULT_TOKEN_KEY}. */
export const storedRefreshToken = async (storage: AuthStorage) =>
  (await storage.get<{ refreshToken?: string }>(DEFAULT_TOKEN_KEY))?.refreshToken;

/** A client of `server` with `options`, signed in through the redirect flow. */
export async function signedInClient(
  server: FakeServer,
  options: Partial<AuthClientOptions>,
): Promise<AuthClient> {
  const client = createAuthClient(server.options(options));
  await signIn(client, server);
  return client;
}

/** Waits for the silent-auth iframe to appear and returns it. */
export async function nextIframe(): Promise<HTMLIFrameElement> {
  for (let i = 0; i < 200; i++) {
    const iframe = document.querySelector('iframe');
    if (iframe?.src) return iframe;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no iframe appeared');
}

/** Posts an authorization response to this window as if `source` sent it from `origin`. */
export function postResponse(
  source: unknown,
  origin: string,
  response: Record<string, string>,
  type = 'authorization_response',
) {
  window.dispatchEvent(
    new MessageEvent('message', { origin, source: source as Window, data: { type, response } }),
  );
}

/** Stands in for the browser's navigation: `open` is an `openUrl`, `url` the last URL opened. */
export function urlCatcher() {
  const catcher = {
    url: '',
    open: (url: string) => {
      catcher.url = url;
    },
  };
  return catcher;
}

/** A fresh clock, fake server and memory storage for one test, with no iframe or web storage left in the page. */
export async function testBed() {
  const clock = fakeClock();
  const server = await createFakeServer({ now: clock.now });
  const storage: AuthStorage = memoryStorage();
  document.body.innerHTML = '';
  // The sign-in hint and tab-kept transactions of an earlier test must not leak into this one.
  localStorage.clear();
  sessionStorage.clear();
  return { clock, server, storage };
}
