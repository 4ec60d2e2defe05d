import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { AuthError } from '../errors/AuthError.js';
import type { AuthClient, AuthStorage } from '../types.js';
import {
  type FakeServer,
  type fakeClock,
  nextIframe,
  postResponse,
  type RecordedRequest,
  signIn,
  testBed,
  urlCatcher,
} from './helpers/fakeServer.js';

// Security properties 2 and 8: no error a caller can log holds a token, a code or a verifier,
// however deep in its `cause` chain. Each case below makes the client fail in one way; the
// error it rejects with is walked whole (messages, own properties, nested objects, causes).

let server: FakeServer;
let clock: ReturnType<typeof fakeClock>;
let storage: AuthStorage;

beforeEach(async () => {
  ({ clock, server, storage } = await testBed());
});

// The fake server's tokens and codes (`at-1`, `rt-2`, `code-3`), any JWT or JWE, and this test's canary.
const SECRET = /\b(at|rt|code)-\d+|eyJ[\w-]+|CANARY/;

/** Every string reachable from `value`: an `Error`'s message and own properties, objects' members, causes. */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const text = String(value);
  const own = value instanceof Error ? Object.getOwnPropertyNames(value) : Object.keys(value);
  return [
    ...(text.startsWith('[object') ? [] : [text]),
    ...own.flatMap((name) => strings((value as Record<string, unknown>)[name], seen)),
    ...(value instanceof Map || value instanceof Set ? [...value].flatMap((v) => strings(v, seen)) : []),
  ];
}

/** What a logger could print of an error a caller got: all of it but the `mfaToken` it is meant to carry. */
function printable(error: unknown): string[] {
  expect(error).toBeInstanceOf(AuthError);
  const { mfaToken: _, ...rest } = error as AuthError & { mfaToken?: string };
  return [...strings(rest), (error as Error).message, ...strings((error as Error).cause)];
}

type Body = Record<string, unknown>;

/** The next token answer: the server's own, changed by `edit`, with `status`. */
function nextAnswer(edit: (body: Body) => Body | string, status = 200) {
  server.next.push(async (request: RecordedRequest) => {
    const body = (await (await server.token(request)).json()) as Body;
    const edited = edit(body);
    return new Response(typeof edited === 'string' ? edited : JSON.stringify(edited), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
}

const failedLogin = async (client: AuthClient) => signIn(client, server).catch((error: unknown) => error);

const refreshFailure = async (setUp: () => void) => {
  const client = createAuthClient(server.options({ storage, silentAuth: false }));
  await signIn(client, server);
  clock.advance(3600);
  setUp();
  return client.getTokenSilently().catch((error: unknown) => error);
};

const cases: [string, () => Promise<unknown>][] = [
  [
    'an unsupported token_type (oauth4webapi puts the whole token response in its cause)',
    () => {
      nextAnswer((body) => ({ ...body, token_type: 'mac' }));
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'an encrypted ID token',
    () => {
      nextAnswer((body) => ({
        ...body,
        id_token: 'eyJhbGciOiJSU0EtT0FFUCJ9.eyJrZXkiOjF9.aXY.Y2lwaGVy.dGFn',
      }));
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'an access_token that is not a string',
    () => {
      nextAnswer((body) => ({ ...body, access_token: 42 }));
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'an error answer that also holds tokens',
    () => {
      nextAnswer((body) => ({ ...body, error: 'invalid_request', error_description: 'no' }), 400);
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'mfa_required (its mfa_token is the error’s own field, not in the cause)',
    () => {
      nextAnswer(() => ({ error: 'mfa_required', mfa_token: 'CANARY-mfa' }), 403);
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'a body that is not JSON',
    () => {
      nextAnswer((body) => `access_token=${body.access_token}&id_token=${body.id_token}`);
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'a cut-off body',
    () => {
      nextAnswer((body) => JSON.stringify(body).slice(0, 60));
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'an ID token with a wrong nonce',
    () => {
      server.claims = { nonce: 'other' };
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'an ID token signed by an unknown key',
    () => {
      server.signingKid = 'unknown';
      return failedLogin(createAuthClient(server.options({ storage })));
    },
  ],
  [
    'an error authorization response that also carries a code and tokens',
    async () => {
      const client = createAuthClient(server.options({ storage }));
      const browser = urlCatcher();
      await client.loginWithRedirect({ openUrl: browser.open });
      const callback = server.callbackUrl(browser.url, {
        error: 'access_denied',
        access_token: 'at-9',
        id_token: 'eyJhbGciOiJub25lIn0.e30.',
      });
      return client.handleRedirectCallback(callback).catch((error: unknown) => error);
    },
  ],
  [
    'an iframe answer with an error and a code',
    async () => {
      const client = createAuthClient(server.options({ storage, useRefreshTokens: false }));
      const pending = client.getTokenSilently().catch((error: unknown) => error);
      const iframe = await nextIframe();
      const state = new URL(iframe.src).searchParams.get('state') as string;
      postResponse(iframe.contentWindow, server.origin, { state, error: 'login_required', code: 'code-77' });
      return pending;
    },
  ],
  [
    'a refresh answered with an unsupported token_type',
    () => refreshFailure(() => nextAnswer((body) => ({ ...body, token_type: 'mac' }))),
  ],
  [
    'a refresh answered with an error that holds tokens',
    () =>
      refreshFailure(() =>
        nextAnswer((body) => ({ ...body, error: 'invalid_grant', refresh_token: 'rt-CANARY' }), 400),
      ),
  ],
];

describe('no token in any error', () => {
  it.each(cases)('%s', async (_name, fail) => {
    const found = printable(await fail()).filter((text) => SECRET.test(text));
    expect(found).toEqual([]);
  });
});
