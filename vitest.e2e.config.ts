// End-to-end tests: the built app (vite build, then vite preview) driven in Debian's Chromium
// through playwright-core. `npm run test:e2e` builds first; global-setup starts the preview server.
import { defineConfig } from 'vitest/config';
import { afternoonZone } from './test/e2e/time-zone';

// Every browser test runs in the early afternoon, far from the study day's start at 04:00
// (test/e2e/time-zone.ts): the workers and the Chromium they launch inherit this zone.
process.env.TZ = afternoonZone(new Date());

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
