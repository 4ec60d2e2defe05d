import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../../vitest.shared.ts';

const own = (name: string) => fileURLToPath(new URL(`node_modules/${name}`, import.meta.url));

// @sesame/react's own tests, with React and ReactDOM 18 (this folder's dependencies) in place
// of the workspace's React 19: the binding supports both.
export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: 'react18',
      environment: 'happy-dom',
      dir: fileURLToPath(new URL('..', import.meta.url)),
      include: ['src/**/*.test.{ts,tsx}', 'react18/*.test.ts'],
    },
    resolve: {
      alias: [
        { find: /^react-dom(\/.*)?$/, replacement: `${own('react-dom')}$1` },
        { find: /^react(\/.*)?$/, replacement: `${own('react')}$1` },
      ],
    },
  }),
);
