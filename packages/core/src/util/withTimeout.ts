import { AuthError } from '../errors/AuthError.js';

/**
 * Runs `task` with an AbortSignal that aborts after `ms`, and settles within `ms` even if the
 * task ignores the signal: then it rejects with `AuthError('timeout')`. The timer is cleared
 * when the task settles.
 */
export function withTimeout<T>(ms: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AuthError('timeout', `no answer within ${ms / 1000} s`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  return Promise.race([task(controller.signal), expired]).finally(() => clearTimeout(timer));
}
