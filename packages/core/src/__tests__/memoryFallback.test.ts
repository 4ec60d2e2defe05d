import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthClient } from '../createAuthClient.js';
import { createFakeServer, fakeClock, signIn } from './helpers/fakeServer.js';

describe('createAuthClient without IndexedDB', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps the session in memory and warns once', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const server = await createFakeServer({ now: fakeClock().now });
    const client = createAuthClient(server.options({ storage: 'indexeddb' }));
    await signIn(client, server);
    expect(await client.getTokenSilently()).toMatch(/^at-/);
    expect(client.getSnapshot().status).toBe('authenticated');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('IndexedDB is unavailable');
  });
});
