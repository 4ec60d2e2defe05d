import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(
  sharedConfig,
  // react18/ runs these same tests on React 18, as a project of its own.
  defineProject({
    test: { name: 'react', environment: 'happy-dom', exclude: ['**/node_modules/**', 'react18/**'] },
  }),
);
