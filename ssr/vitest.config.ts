import { defineProject } from 'vitest/config';

// The tests start Node processes of their own (see runInNode.ts), so they need nothing
// from Vite's resolution; the bundles they run are built from the packages' sources.
export default defineProject({ test: { name: 'ssr', environment: 'node', testTimeout: 30_000 } });
