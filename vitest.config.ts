// Unit and component tests. Domain tests run in node; component tests opt into jsdom
// with a `// @vitest-environment jsdom` first line. Browser tests live in test/e2e (not vitest).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { kujiraDecks } from './scripts/vite-plugin-decks';

export default defineConfig({
  plugins: [react(), kujiraDecks()],
  // vite-plugin-pwa's virtual module exists only in a vite build: tests get a drivable stand-in.
  resolve: { alias: { 'virtual:pwa-register/react': new URL('./test/mocks/pwa-register-react.ts', import.meta.url).pathname } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
