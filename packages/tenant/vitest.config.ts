import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(
  sharedConfig,
  defineProject({ test: { name: 'tenant', environment: 'node', testTimeout: 20_000, hookTimeout: 30_000 } }),
);
