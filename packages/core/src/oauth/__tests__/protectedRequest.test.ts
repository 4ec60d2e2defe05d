import { describe, expect, it } from 'vitest';
import { verifyProof } from '../../__tests__/helpers/fakeDpop.js';
import { dpopProofs } from '../../dpop/dpopProofs.js';
import { memoryStorage } from '../../storage/memoryStorage.js';
import { protectedRequest } from '../protectedRequest.js';

function recorder(answer: () => Response = () => new Response('ok')) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return answer();
  }) as typeof globalThis.fetch;
  return { requests, fetch };
}

describe('protectedRequest (RFC 6750 §2.1, RFC 9449 §7.1)', () => {
  it("sends a Bearer token in place of the caller's authorization, keeping its other headers and not following redirects", async () => {
    const { requests, fetch } = recorder(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    );
    const url = new URL('https://api.example/things?page=2');
    const response = await protectedRequest(
      fetch,
      url,
      { method: 'post', headers: { authorization: 'Basic x', 'x-a': '1' }, body: 'b' },
      'AT',
    );
    expect(response.status).toBe(302);
    expect(requests).toHaveLength(1);
    const { url: sent, init } = requests[0]!;
    expect(sent).toBe('https://api.example/things?page=2');
    expect(init).toMatchObject({ method: 'POST', redirect: 'manual', body: 'b' });
    const headers = new Headers(init.headers);
    expect(headers.get('authorization')).toBe('Bearer AT');
    expect(headers.get('x-a')).toBe('1');
    expect(headers.has('dpop')).toBe(false);
  });

  it('with DPoP, sends the token as DPoP with a proof of method, URL and token, and keeps the nonce of the answer', async () => {
    const { requests, fetch } = recorder(() => new Response('ok', { headers: { 'dpop-nonce': 'rs-nonce' } }));
    const proofs = dpopProofs(
      { clientId: 'c', now: Date.now, random: () => crypto.randomUUID() },
      memoryStorage(),
      {
        run: (_name, task) => task(),
      },
    );
    const url = new URL('https://api.example/things?page=2#top');
    await protectedRequest(
      fetch,
      url,
      { method: 'delete' },
      'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU',
      proofs,
    );
    await protectedRequest(fetch, url, {}, 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU', proofs);
    const headers = requests.map(({ init }) => new Headers(init.headers));
    expect(headers[0]?.get('authorization')).toBe('DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU');
    const first = await verifyProof(
      headers[0]!.get('dpop'),
      'DELETE',
      url,
      'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU',
    );
    // RFC 9449 §7.1, Figure 13: the ath of this access token.
    expect(first.payload.ath).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
    expect(first.payload.nonce).toBeUndefined();
    const second = await verifyProof(headers[1]!.get('dpop'), 'GET', url);
    expect(second.payload.nonce).toBe('rs-nonce');
  });
});
