import { describe, expect, it } from 'vitest';
import { json } from '../../__tests__/helpers/fakeServer.js';
import { discovery } from '../discovery.js';

/** A fetch that answers every request with `answer` and records the URLs and options asked for. */
function fakeFetch(answer: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const signal = new AbortController().signal;
const document = (issuer: unknown) => ({ issuer, authorization_endpoint: 'https://op.example/auth' });

describe('discovery', () => {
  it('fetches the well-known document under the issuer path and returns it', async () => {
    const { fetch, calls } = fakeFetch(() => json(document('https://op.example/tenant/')));
    const metadata = await discovery('https://op.example/tenant/', fetch, signal);
    expect(metadata).toEqual(document('https://op.example/tenant/'));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://op.example/tenant/.well-known/openid-configuration');
    expect(calls[0]?.init).toMatchObject({
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal,
    });
  });

  it('accepts an issuer that the document spells without the trailing slash', async () => {
    const { fetch, calls } = fakeFetch(() => json(document('https://op.example')));
    expect((await discovery('https://op.example/', fetch, signal)).issuer).toBe('https://op.example');
    expect(calls[0]?.url).toBe('https://op.example/.well-known/openid-configuration');
  });

  it.each([
    ['another issuer', () => json(document('https://evil.example/')), 'is for another issuer'],
    [
      'an issuer that is not a string',
      () => json(document(['https://op.example/'])),
      'is for another issuer',
    ],
    ['an issuer that is not a URL', () => json(document('op.example')), 'is for another issuer'],
    ['no issuer', () => json({ authorization_endpoint: 'https://op.example/auth' }), 'is for another issuer'],
    ['a status other than 200', () => json(document('https://op.example/'), 404), 'answered HTTP 404'],
    ['a redirect', () => new Response(null, { status: 302 }), 'answered HTTP 302'],
    ['a body that is not JSON', () => new Response('<html>', { status: 200 }), 'is not a JSON object'],
    ['a JSON array', () => json([document('https://op.example/')]), 'is not a JSON object'],
    ['JSON null', () => json(null), 'is not a JSON object'],
  ])('rejects %s', async (_case, answer, problem) => {
    const { fetch } = fakeFetch(answer);
    await expect(discovery('https://op.example/', fetch, signal)).rejects.toThrow(problem);
  });
});
