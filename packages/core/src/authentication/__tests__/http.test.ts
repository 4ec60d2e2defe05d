// What every Authentication API function shares: the domain, the transport options, the error
// mapping, JSON parsing and the refusal of secrets in a browser page (happy-dom is one).
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  getJwks,
  getUserInfo,
  MfaRequiredError,
  mfaOtpGrant,
  passwordRealmGrant,
  signup,
} from '../index.js';
import { CLIENT, DOMAIN, dbError, fakeFetch, json, oauthError, TOKENS } from './helpers/fakeFetch.js';

const login = { ...CLIENT, realm: 'db', username: 'ada@example.com', password: 'pw' };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('domain', () => {
  it('turns an Auth0 domain into its https origin', async () => {
    const { fetch, requests } = fakeFetch(json({ keys: [] }));
    await getJwks({ domain: DOMAIN, fetch });
    expect(requests[0]?.url.href).toBe(`https://${DOMAIN}/.well-known/jwks.json`);
  });

  it.each([
    'http://127.0.0.1:4000',
    'http://localhost:4000',
    'http://[::1]:4000',
    'https://login.example.com',
  ])('takes the full origin %s', async (domain) => {
    const { fetch, requests } = fakeFetch(json({ keys: [] }));
    await getJwks({ domain, fetch });
    expect(requests[0]?.url.href).toBe(`${domain}/.well-known/jwks.json`);
  });

  it.each([
    ['http://example.com', /"options.domain" must be https \(plain http only for localhost/],
    ['', /"options.domain" must be a non-empty string/],
    [42, /"options.domain" must be a non-empty string/],
    ['https://exa mple.com', /"options.domain" must be a host name or an http\(s\) origin/],
  ])('refuses %j with a TypeError naming options.domain', async (domain, message) => {
    const { fetch, requests } = fakeFetch(json({ keys: [] }));
    const error = await rejection(getJwks({ domain: domain as string, fetch }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('refuses options that are not an object', async () => {
    await expect(getJwks(null as never)).rejects.toThrow(new TypeError('"options" must be an object'));
  });

  it('refuses a bad fetch, timeout or signal, naming it', async () => {
    await expect(getJwks({ domain: DOMAIN, fetch: 'x' as never })).rejects.toThrow(
      /"options.fetch" must be a function/,
    );
    await expect(getJwks({ domain: DOMAIN, timeoutInSeconds: 0 })).rejects.toThrow(
      /"options.timeoutInSeconds" must be a number > 0/,
    );
    await expect(getJwks({ domain: DOMAIN, signal: {} as never })).rejects.toThrow(
      /"options.signal" must be an AbortSignal/,
    );
  });
});

describe('transport', () => {
  it('uses the global fetch when none is given', async () => {
    const { fetch, requests } = fakeFetch(json({ keys: [] }));
    const global = globalThis.fetch;
    globalThis.fetch = fetch;
    try {
      await getJwks({ domain: DOMAIN });
    } finally {
      globalThis.fetch = global;
    }
    expect(requests).toHaveLength(1);
  });

  it('rejects with timeout when the server does not answer within timeoutInSeconds', async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    const error = await rejection(getJwks({ domain: DOMAIN, fetch, timeoutInSeconds: 0.01 }));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('timeout');
  });

  it("aborts the request with the caller's signal and rejects with its reason", async () => {
    let seen: AbortSignal | undefined;
    const { fetch } = fakeFetch(
      (request) =>
        new Promise<Response>((_, reject) => {
          seen = request.signal;
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    );
    const controller = new AbortController();
    const pending = getJwks({ domain: DOMAIN, fetch, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reason = new Error('user left');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(seen?.aborted).toBe(true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, requests } = fakeFetch(json({ keys: [] }));
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(getJwks({ domain: DOMAIN, fetch, signal: controller.signal })).rejects.toThrow('gone');
    expect(requests).toHaveLength(0);
  });

  it('maps a fetch failure to network_error', async () => {
    const { fetch } = fakeFetch(new TypeError('Failed to fetch'));
    const error = (await rejection(getJwks({ domain: DOMAIN, fetch }))) as AuthError;
    expect(error.code).toBe('network_error');
  });
});

describe('server errors', () => {
  it("keeps an OAuth endpoint's error and error_description", async () => {
    const { fetch } = fakeFetch(oauthError(403, 'invalid_grant', 'Wrong email or password.'));
    const error = (await rejection(passwordRealmGrant({ ...login, fetch }))) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('invalid_grant');
    expect(error.description).toBe('Wrong email or password.');
    expect(String((error.cause as Error).message)).toBe('HTTP 403 invalid_grant');
  });

  it("keeps /dbconnections' code and description", async () => {
    const { fetch } = fakeFetch(dbError(400, 'user_exists', 'The user already exists.'));
    const error = (await rejection(
      signup({ ...CLIENT, fetch, email: 'a@b.c', password: 'pw', connection: 'db' }),
    )) as AuthError;
    expect(error.code).toBe('user_exists');
    expect(error.description).toBe('The user already exists.');
  });

  it('takes the message of a password-strength error whose description is an object', async () => {
    const { fetch } = fakeFetch(
      json(
        {
          name: 'PasswordStrengthError',
          message: 'Password is too weak',
          code: 'invalid_password',
          description: { rules: [], verified: false },
          statusCode: 400,
        },
        400,
      ),
    );
    const error = (await rejection(
      signup({ ...CLIENT, fetch, email: 'a@b.c', password: 'pw', connection: 'db' }),
    )) as AuthError;
    expect([error.code, error.description]).toEqual(['invalid_password', 'Password is too weak']);
  });

  it('turns mfa_required into an MfaRequiredError with the mfa_token, not in the message', async () => {
    const { fetch } = fakeFetch(
      oauthError(403, 'mfa_required', 'Multifactor authentication required', {
        mfa_token: 'mfa-secret-token',
      }),
    );
    const error = (await rejection(passwordRealmGrant({ ...login, fetch }))) as MfaRequiredError;
    expect(error).toBeInstanceOf(MfaRequiredError);
    expect(error.code).toBe('mfa_required');
    expect(error.mfaToken).toBe('mfa-secret-token');
    expect(`${error.message} ${(error.cause as Error).message}`).not.toContain('mfa-secret-token');
  });

  it('maps 429 to rate_limited with Retry-After in the cause', async () => {
    const { fetch } = fakeFetch(
      json({ error: 'too_many_requests', error_description: 'Slow down' }, 429, { 'retry-after': '60' }),
    );
    const error = (await rejection(passwordRealmGrant({ ...login, fetch }))) as AuthError;
    expect(error.code).toBe('rate_limited');
    expect((error.cause as Error).message).toBe('HTTP 429 too_many_requests, Retry-After: 60');
  });

  it("keeps the device flow's slow_down although it comes with 429", async () => {
    const { fetch } = fakeFetch(oauthError(429, 'slow_down'));
    const error = (await rejection(passwordRealmGrant({ ...login, fetch }))) as AuthError;
    expect(error.code).toBe('slow_down');
  });

  it.each([500, 502, 503])('maps %i (also an HTML page) to server_error', async (status) => {
    const { fetch } = fakeFetch(new Response('<html>Bad gateway</html>', { status }));
    const error = (await rejection(passwordRealmGrant({ ...login, fetch }))) as AuthError;
    expect(error.code).toBe('server_error');
    expect(error.description).toBe(`HTTP ${status}`);
  });

  it('maps a 4xx without an error code to invalid_response', async () => {
    const { fetch } = fakeFetch(new Response('', { status: 404 }));
    const error = (await rejection(getJwks({ domain: DOMAIN, fetch }))) as AuthError;
    expect([error.code, error.description]).toEqual(['invalid_response', 'HTTP 404']);
  });

  it('refuses a 200 that is not JSON with invalid_response', async () => {
    const { fetch } = fakeFetch(new Response('<html>login</html>'));
    const error = (await rejection(passwordRealmGrant({ ...login, fetch }))) as AuthError;
    expect(error.code).toBe('invalid_response');
  });

  it('refuses a token response without access_token or token_type', async () => {
    const { fetch } = fakeFetch(json({ id_token: 'h.p.s' }));
    const error = (await rejection(passwordRealmGrant({ ...login, fetch }))) as AuthError;
    expect(error.code).toBe('invalid_response');
  });
});

describe('JSON parsing', () => {
  it('drops __proto__ keys: the answer never reaches Object.prototype', async () => {
    const { fetch } = fakeFetch(
      new Response(
        '{"sub":"auth0|1","__proto__":{"polluted":true},"nested":{"__proto__":{"polluted":true}}}',
      ),
    );
    const user = await getUserInfo({ domain: DOMAIN, fetch, access_token: 'at' });
    expect(user.sub).toBe('auth0|1');
    expect(Object.getPrototypeOf(user)).toBe(Object.prototype);
    expect(Object.keys(user)).toEqual(['sub', 'nested']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(user.nested as object, '__proto__')).toBe(false);
  });
});

describe('secrets in a browser page', () => {
  it.each([
    ['clientSecret', { clientSecret: 's3cret' }],
    ['clientAssertion', { clientAssertion: 'h.p.s' }],
  ])('refuses %s with a TypeError that says why, and sends nothing', async (name, secret) => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    const error = await rejection(mfaOtpGrant({ ...CLIENT, ...secret, fetch, mfa_token: 'm', otp: '1' }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(`"options.${name}" must not be used in a browser page`);
    expect((error as Error).message).toMatch(/everyone who opens the page can read it/);
    expect(requests).toHaveLength(0);
  });
});

describe('a 200 token answer with an error', () => {
  it('is an AuthError with that error (the seed lists error fields in the 200 schema)', async () => {
    const { fetch } = fakeFetch(json({ error: 'invalid_grant', error_description: 'nope' }));
    await expect(passwordRealmGrant({ ...login, fetch })).rejects.toMatchObject({
      code: 'invalid_grant',
      description: 'nope',
    });
  });
});
