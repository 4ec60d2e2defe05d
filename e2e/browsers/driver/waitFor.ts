import { type Tab, waitTimeoutMs } from './Tab.js';

/**
 * Polls `fn(arg)` in the page until it returns a truthy value, and resolves with that value.
 * A page in the middle of a navigation (the evaluation throws) counts as "not yet". Rejects after
 * `timeoutMs` with `what` and the last value or error seen: the suite's one bounded wait, so no
 * scenario sleeps to synchronise.
 */
export async function waitFor<R, A = undefined>(
  tab: Tab,
  what: string,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
  timeoutMs = waitTimeoutMs,
): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await tab.evaluate(fn, arg);
      if (value) return value;
      last = value;
    } catch (e) {
      last = e instanceof Error ? e.message.split('\n')[0] : e;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
