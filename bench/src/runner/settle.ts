/** How long to wait after an operation before reading the tenant's counters, for late requests. */
export const settleMs = 300;

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
