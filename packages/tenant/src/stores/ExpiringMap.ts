/**
 * A map whose entries expire after a lifetime, on an injectable clock (epoch milliseconds).
 * Codes, tickets and MFA transactions of the tenant live in these.
 */
export class ExpiringMap<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();
  readonly #now: () => number;

  /** @param now - the clock, epoch milliseconds. */
  constructor(now: () => number) {
    this.#now = now;
  }

  /** Stores `value` under `key` for `ttlSeconds`. */
  set(key: string, value: T, ttlSeconds: number): void {
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlSeconds * 1000 });
  }

  /** The live value of `key`; expired entries are dropped. */
  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry?.value;
  }

  /** Whether `key` is there but expired (the entry is kept, so the answer can be repeated). */
  expired(key: string): boolean {
    const entry = this.#entries.get(key);
    return entry !== undefined && entry.expiresAt <= this.#now();
  }

  delete(key: string): boolean {
    return this.#entries.delete(key);
  }

  /** The live values, for lookups by something other than the key. */
  values(): T[] {
    return [...this.#entries.keys()].flatMap((key) => {
      const value = this.get(key);
      return value === undefined ? [] : [value];
    });
  }

  clear(): void {
    this.#entries.clear();
  }
}
