import { defaultClientConditions, defaultServerConditions } from 'vite';
import type { UserConfig } from 'vitest/config';

/**
 * Settings every package's Vitest project shares: workspace packages resolve to
 * their TypeScript sources (the `source` export condition), so tests need no build; and the
 * bound after which a test or hook counts as hung.
 */
export const sharedConfig = {
  // `pnpm check` runs the unit tests beside the browsers on two cores: a test that takes 0.2 s alone
  // was seen past Vitest's default 5 s (a hang guard, not a timed assertion). Hooks likewise.
  test: { testTimeout: 30_000, hookTimeout: 30_000 },
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
} satisfies UserConfig;
