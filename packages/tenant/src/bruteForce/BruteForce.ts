/**
 * Brute-force protection of password logins, as Auth0's: failed attempts are counted per
 * user and IP; once `maxAttempts` have failed, that user is blocked from that IP
 * (`too_many_attempts`) until a password change, a dev reset — or, before the limit, a
 * successful login, which zeroes the count.
 */
export class BruteForce {
  readonly #failures = new Map<string, number>();
  readonly #maxAttempts: number;

  constructor(maxAttempts: number) {
    this.#maxAttempts = maxAttempts;
  }

  /** Whether `userId` is blocked from `ip`. */
  blocked(userId: string, ip: string): boolean {
    return (this.#failures.get(`${userId} ${ip}`) ?? 0) >= this.#maxAttempts;
  }

  /** Counts a failed attempt. */
  fail(userId: string, ip: string): void {
    const key = `${userId} ${ip}`;
    this.#failures.set(key, (this.#failures.get(key) ?? 0) + 1);
  }

  /** Forgets the failures of `userId` from `ip`, or from every IP without one. */
  clear(userId: string, ip?: string): void {
    for (const key of [...this.#failures.keys()]) {
      if (ip ? key === `${userId} ${ip}` : key.startsWith(`${userId} `)) this.#failures.delete(key);
    }
  }

  /** Forgets everything (dev reset). */
  reset(): void {
    this.#failures.clear();
  }
}

/** A {@link RateLimiter} window as its headers tell it. */
export interface RateLimitState {
  /** `X-RateLimit-Limit`: requests allowed per window. */
  limit: number;
  /** `X-RateLimit-Remaining`: requests left in this window. */
  remaining: number;
  /** `X-RateLimit-Reset`: when the window ends, epoch seconds. */
  reset: number;
  /** `Retry-After` in seconds, when this request is over the limit. */
  retryAfter?: number;
}

/** Sets the `X-RateLimit-*` headers (and `Retry-After` past the limit) of an answer. */
export function setRateLimitHeaders(set: (name: string, value: string) => void, state: RateLimitState): void {
  set('x-ratelimit-limit', String(state.limit));
  set('x-ratelimit-remaining', String(state.remaining));
  set('x-ratelimit-reset', String(state.reset));
  if (state.retryAfter !== undefined) set('retry-after', String(state.retryAfter));
}

/**
 * A fixed-window rate limit per key (e.g. `/passwordless/start` messages per IP and hour).
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  /**
   * @param limit - requests allowed per window.
   * @param windowSeconds - the window length.
   * @param now - the clock, epoch milliseconds.
   */
  constructor(limit: number, windowSeconds: number, now: () => number) {
    this.#limit = limit;
    this.#windowMs = windowSeconds * 1000;
    this.#now = now;
  }

  /**
   * Counts a request of `key`.
   *
   * @returns the window's state for the `X-RateLimit-*` headers, and `retryAfter` (seconds until
   *   the window ends) when the request is over the limit (it is then not counted).
   */
  take(key: string): RateLimitState {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.#windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    const endsAt = window.start + this.#windowMs;
    const over = window.count >= this.#limit;
    if (!over) window.count += 1;
    return {
      limit: this.#limit,
      remaining: this.#limit - window.count,
      reset: Math.ceil(endsAt / 1000),
      ...(over ? { retryAfter: Math.max(1, Math.ceil((endsAt - now) / 1000)) } : {}),
    };
  }

  /** Forgets every window (dev reset). */
  reset(): void {
    this.#windows.clear();
  }
}
