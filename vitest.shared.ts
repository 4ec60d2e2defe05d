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
  // No isolation: a worker runs its files one after another in one module graph and one
  // environment, instead of a fresh worker per file (Node and Vitest started, happy-dom and
  // oidc-provider imported, for each file: about two thirds of `pnpm test:unit`'s CPU time).
  // So a test file must leave nothing global behind: restore its spies, stubs and fake timers,
  // and stub a global `indexedDB` rather than import `fake-indexeddb/auto`. A test that passes
  // only when isolated is a bug of that test; `pnpm vitest run --isolate --project <name>`
  // runs a project the old way, to compare.
  test: { testTimeout: 30_000, hookTimeout: 30_000, isolate: false },
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
} satisfies UserConfig;
