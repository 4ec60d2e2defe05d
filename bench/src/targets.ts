/**
 * Sesame's targets, reported as a pass/fail column (never asserted by a test).
 * Sizes are in bytes, with 1 KB = 1,000 bytes as size-limit counts.
 */
export const targets = {
  coreGzip: 12_000,
  reactGzip: 14_000,
  coldStartRequests: 0,
  parallelTokenRequests: 1,
  tabsRefreshesPerRound: 1,
  cachedCallsRatio: 2,
} as const;
