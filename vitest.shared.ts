import { defaultClientConditions, defaultServerConditions } from 'vite';
import type { UserConfig } from 'vitest/config';

/**
 * Settings every package's Vitest project shares: workspace packages resolve to
 * their TypeScript sources (the `source` export condition), so tests need no build.
 */
export const sharedConfig = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
} satisfies UserConfig;
