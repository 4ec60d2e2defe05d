import { afterEach, describe, expect, it, vi } from 'vitest';
import { inTabMutex } from '../inTabMutex.js';
import { webLock } from '../webLock.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Records the order in which two tasks of one lock start and end. */
async function race(lock: ReturnType<typeof inTabMutex>, name = 'n') {
  const order: string[] = [];
  const task = (id: string) => async () => {
    order.push(`start ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    order.push(`end ${id}`);
    return id;
  };
  const results = await Promise.all([lock.run(name, task('a')), lock.run(name, task('b'))]);
  return { order, results };
}

describe('inTabMutex', () => {
  it('runs tasks of one name one after the other, and goes on after a failure', async () => {
    const lock = inTabMutex();
    expect(await race(lock)).toEqual({
      order: ['start a', 'end a', 'start b', 'end b'],
      results: ['a', 'b'],
    });
    await expect(lock.run('n', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run('n', async () => 'next')).toBe('next');
  });

  it('does not run a task whose signal aborted while it waited', async () => {
    const lock = inTabMutex();
    const controller = new AbortController();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = lock.run('n', () => gate);
    const ran = vi.fn(async () => 'ran');
    const second = lock.run('n', ran, controller.signal);
    controller.abort(new Error('gave up'));
    release();
    await first;
    await expect(second).rejects.toThrow('gave up');
    expect(ran).not.toHaveBeenCalled();
  });
});

describe('webLock', () => {
  it('uses navigator.locks.request with the name and the signal', async () => {
    const request = vi.fn((_name: string, _options: LockOptions, task: () => Promise<unknown>) => task());
    vi.stubGlobal('navigator', { locks: { request } });
    const signal = new AbortController().signal;
    expect(await webLock().run('sesame:client:aud', async () => 42, signal)).toBe(42);
    expect(request).toHaveBeenCalledWith('sesame:client:aud', { signal }, expect.any(Function));
  });

  it('falls back to an in-tab mutex without Web Locks', async () => {
    vi.stubGlobal('navigator', {});
    const { order } = await race(webLock());
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
