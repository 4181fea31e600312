// End-to-end tests: the built app (vite build, then vite preview) driven in Debian's Chromium
// through playwright-core. `npm run test:e2e` builds first; global-setup starts the preview server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
