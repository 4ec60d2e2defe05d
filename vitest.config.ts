import { defineConfig } from 'vitest/config';

// One Vitest run over every package; each package's vitest.config.ts says
// which environment its tests need (happy-dom for browser code, node for the tenant).
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/react/react18/vitest.config.ts',
      'apps/demo-api/vitest.config.ts',
      'ssr/vitest.config.ts',
    ],
  },
});
