import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTenant, startTenant } from '../startTenant.js';

let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
});
afterAll(() => tenant?.stop());

const big = `refresh_token=${'x'.repeat(200 * 1024)}&grant_type=refresh_token&client_id=sesame-spa`;
const TOO_LARGE = {
  error: 'request_entity_too_large',
  error_description: 'Payload content length greater than maximum allowed: 65536',
};

/** A body sent in 16 KiB pieces over about a second, as a streaming client sends it. */
function slowStream(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (sent >= total) return controller.close();
      await new Promise((resolve) => setTimeout(resolve, 40));
      controller.enqueue(new TextEncoder().encode('a'.repeat(16 * 1024)));
      sent += 16 * 1024;
    },
  });
}

describe('oversized bodies', () => {
  it('/oauth/token answers 413 with an Auth0-shaped body', async () => {
    const response = await fetch(new URL('oauth/token', tenant.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
  });

  it("the tenant's own JSON routes too", async () => {
    const response = await fetch(new URL('passwordless/start', tenant.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'sesame-spa', connection: 'email', email: 'x'.repeat(100 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
  });

  it('a client streaming the body gets the 413, not a connection reset', async () => {
    const response = await fetch(new URL('oauth/token', tenant.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: slowStream(400 * 1024),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    // The connection is still good for the next request.
    const next = await fetch(new URL('.well-known/openid-configuration', tenant.url));
    expect(next.status).toBe(200);
  });
});
