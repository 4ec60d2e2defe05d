import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  // This repository's @sesame packages are read from their TypeScript sources (no build step);
  // an app of yours uses the published packages and needs no `conditions`.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5174, strictPort: true },
});
