import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One Vitest run over every package; each package's vitest.config.ts says
// which environment its tests need (happy-dom for browser code, node for the tenant).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core machine,
    // where several test files wait on real time (tenants starting, IndexedDB timeouts) and
    // `pnpm check` runs this step at a low priority beside the browsers. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      'packages/*/vitest.config.ts',
      'packages/react/react18/vitest.config.ts',
      'apps/demo-api/vitest.config.ts',
      'ssr/vitest.config.ts',
    ],
  },
});
