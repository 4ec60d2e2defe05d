import { describe, expect, it } from 'vitest';
import { AuthError } from '../../errors/AuthError.js';
import { MfaRequiredError } from '../../errors/MfaRequiredError.js';
import { base64url } from '../base64url.js';
import { readTokenResponse } from '../readTokenResponse.js';

const encoder = new TextEncoder();
const part = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));
const ID_TOKEN = `${part({ alg: 'RS256' })}.${part({ sub: 'u1' })}.c2ln`;
const ACCESS_TOKEN = 'at-SECRET-0123456789';
const REFRESH_TOKEN = 'rt-SECRET-0123456789';
const TOKENS = {
  access_token: ACCESS_TOKEN,
  token_type: 'Bearer',
  expires_in: 3600,
  refresh_token: REFRESH_TOKEN,
  scope: 'openid',
  id_token: ID_TOKEN,
};

const answer = (body: unknown, status = 200, type = 'application/json') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': type },
  });

/** Every string of an error's message, description and cause chain (what a logger would print). */
function printed(error: unknown): string {
  const texts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) texts.push(e.message, e.stack ?? '', String(e));
  return texts.join('\n');
}

/** The `AuthError` that reading `response` throws, checked to name no token. */
async function refusal(response: Response): Promise<AuthError> {
  const error = await readTokenResponse(response).then(
    () => {
      throw new Error('accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, ID_TOKEN, 'mfa-SECRET']) {
    expect(printed(error)).not.toContain(secret);
  }
  return error as AuthError;
}

describe('readTokenResponse: a 200 (RFC 6749 §5.1)', () => {
  it('reads the tokens, lower-cases token_type and parses the ID token', async () => {
    const { body, idToken } = await readTokenResponse(answer(TOKENS));
    expect(body).toEqual({ ...TOKENS, token_type: 'bearer' });
    expect(idToken?.claims).toEqual({ sub: 'u1' });
    expect(idToken?.raw).toBe(ID_TOKEN);
    const dpop = await readTokenResponse(answer({ access_token: 'a', token_type: 'DPoP' }));
    expect(dpop).toEqual({ body: { access_token: 'a', token_type: 'dpop' } });
  });

  it('reads a numeric-string expires_in as a number and accepts 0', async () => {
    expect((await readTokenResponse(answer({ ...TOKENS, expires_in: '120' }))).body.expires_in).toBe(120);
    expect((await readTokenResponse(answer({ ...TOKENS, expires_in: 0 }))).body.expires_in).toBe(0);
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    for (const body of ['<html>', '', '[]', `[${JSON.stringify(TOKENS)}]`, 'null', '"token"', '42']) {
      expect((await refusal(answer(body))).message).toMatch(/is not a JSON object/);
    }
  });

  it('refuses a missing, empty or non-string access_token or token_type', async () => {
    for (const name of ['access_token', 'token_type']) {
      for (const value of [undefined, '', 7, null, ['x']]) {
        const error = await refusal(answer({ ...TOKENS, [name]: value }));
        expect(error.code).toBe('invalid_response');
        expect(error.message).toContain(`has no "${name}"`);
      }
    }
  });

  it('refuses a token_type other than Bearer or DPoP', async () => {
    for (const token_type of ['mac', 'N_A', 'bearer2', 'Basic']) {
      expect((await refusal(answer({ ...TOKENS, token_type }))).message).toMatch(/unsupported "token_type"/);
    }
  });

  it('refuses an expires_in that is negative, not finite or not a number', async () => {
    for (const expires_in of [-1, '-5', 'soon', '', null, true, {}, [], 'Infinity']) {
      expect((await refusal(answer({ ...TOKENS, expires_in }))).message).toMatch(/"expires_in"/);
    }
    expect(
      (await refusal(answer(`{"access_token":"a","token_type":"bearer","expires_in":1e999}`))).message,
    ).toMatch(/"expires_in"/);
  });

  it('refuses a refresh_token, scope or id_token that is not a string, and an empty refresh_token or id_token', async () => {
    for (const name of ['refresh_token', 'scope', 'id_token']) {
      expect((await refusal(answer({ ...TOKENS, [name]: 12 }))).message).toContain(`"${name}"`);
    }
    expect((await refusal(answer({ ...TOKENS, refresh_token: '' }))).message).toContain('"refresh_token"');
    expect((await refusal(answer({ ...TOKENS, id_token: '' }))).message).toContain('"id_token"');
    expect((await readTokenResponse(answer({ ...TOKENS, scope: '' }))).body.scope).toBe('');
  });

  it('refuses an ID token that is not a JWS, naming no token', async () => {
    expect((await refusal(answer({ ...TOKENS, id_token: 'a.b.c.d.e' }))).message).toMatch(/JWE/);
    expect((await refusal(answer({ ...TOKENS, id_token: 'opaque' }))).message).toMatch(/not a JWT/);
  });

  it('keeps a "__proto__" member of the body as its own, without touching Object.prototype', async () => {
    const raw = `{"access_token":"a","token_type":"bearer","__proto__":{"refresh_token":"injected"}}`;
    const { body } = await readTokenResponse(answer(raw));
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(body.refresh_token).toBeUndefined();
    expect(({} as Record<string, unknown>).refresh_token).toBeUndefined();
  });
});

describe('readTokenResponse: an error (RFC 6749 §5.2)', () => {
  it("throws a 4xx JSON error as the server's code and description, with a cause naming status and code", async () => {
    const error = await refusal(
      answer({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }, 400),
    );
    expect(error.constructor).toBe(AuthError);
    expect(error.code).toBe('invalid_grant');
    expect(error.description).toBe('Unknown or invalid refresh token.');
    expect((error.cause as Error).message).toBe('HTTP 400 invalid_grant');
    expect((await refusal(answer({ error: 'invalid_client' }, 401))).code).toBe('invalid_client');
  });

  it('throws mfa_required as an MfaRequiredError carrying the mfa_token, in no message or cause', async () => {
    const error = await refusal(
      answer(
        {
          error: 'mfa_required',
          error_description: 'Multifactor authentication required',
          mfa_token: 'mfa-SECRET',
        },
        403,
      ),
    );
    expect(error).toBeInstanceOf(MfaRequiredError);
    expect(error.code).toBe('mfa_required');
    expect((error as MfaRequiredError).mfaToken).toBe('mfa-SECRET');
    // Without a token it is a plain mfa_required: nothing to continue with.
    const bare = await refusal(answer({ error: 'mfa_required' }, 403));
    expect(bare).not.toBeInstanceOf(MfaRequiredError);
    expect(bare.code).toBe('mfa_required');
  });

  it('throws invalid_response naming the status for a 4xx that is not a JSON error, and for any other status', async () => {
    const cases: [Response, string][] = [
      [answer('<h1>Bad Request</h1>', 400, 'text/html'), 'HTTP 400'],
      [answer({ message: 'no error member' }, 400), 'HTTP 400'],
      [answer({ error: '' }, 400), 'HTTP 400'],
      [answer({ error: 7 }, 400), 'HTTP 400'],
      [answer([{ error: 'invalid_grant' }], 400), 'HTTP 400'],
      [answer({ error: 'invalid_grant' }, 302), 'HTTP 302'],
      [answer({ error: 'invalid_grant' }, 500), 'HTTP 500'],
      [answer(TOKENS, 201), 'HTTP 201'],
    ];
    for (const [response, status] of cases) {
      const error = await refusal(response);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toContain(status);
    }
  });

  it('names no token of an error body that echoes one', async () => {
    const echo = { error: 'invalid_request', access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN };
    const error = await refusal(answer(echo, 400));
    expect(JSON.stringify(error)).not.toContain(REFRESH_TOKEN);
  });
});
