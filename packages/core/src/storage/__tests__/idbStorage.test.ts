import { afterEach, describe, expect, it, vi } from 'vitest';
import { idbStorage } from '../idbStorage.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('idbStorage', () => {
  it('falls back to memory, with one warning, when IndexedDB fails at run time', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('blocked in this mode', 'InvalidStateError');
      },
    });
    const storage = idbStorage('client-x');
    await storage.set('session', { user: { sub: 'u' } });
    expect(await storage.get('session')).toEqual({ user: { sub: 'u' } });
    await storage.del('session');
    expect(await storage.get('session')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
