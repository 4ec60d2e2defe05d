/**
 * Sesame's targets, reported as a pass/fail column (never asserted by a test).
 * Sizes are in bytes, with 1 KB = 1,024 bytes as `scripts/size.mjs` (the packages' budgets) counts.
 */
export const targets = {
  coreGzip: 12 * 1024,
  reactGzip: 14 * 1024,
  coldStartRequests: 0,
  parallelTokenRequests: 1,
  tabsRefreshesPerRound: 1,
  cachedCallsRatio: 2,
} as const;
