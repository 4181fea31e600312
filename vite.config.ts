// Build configuration: React, the deck compiler (decks/ -> virtual:kujira-decks) and the PWA
// (manifest, precaching service worker, prompt-to-update). KUJIRA_OUT_DIR builds elsewhere than
// dist/ and KUJIRA_BUILD_ID labels the build (the update test builds two versions side by side).
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { kujiraDecks } from './scripts/vite-plugin-decks.ts';

const THEME_COLOR = '#0b4f6c';
const BACKGROUND_COLOR = '#f6f8fa';

/** The build label shown in the app (settings, the "updated" notice). */
const BUILD_ID = process.env.KUJIRA_BUILD_ID || new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

/**
 * The dev server runs React Refresh's inline preamble script, which the production CSP in
 * index.html forbids; so the policy is dropped while serving in dev and kept in every build.
 */
function cspOnlyInBuild(): Plugin {
  return {
    name: 'kujira-csp-only-in-build',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

export default defineConfig({
  plugins: [
    react(),
    // KUJIRA_DECKS_DIR compiles another decks folder (the review-latency benchmark's 10k-card deck).
    kujiraDecks(process.env.KUJIRA_DECKS_DIR ? { dir: process.env.KUJIRA_DECKS_DIR } : {}),
    cspOnlyInBuild(),
    VitePWA({
      registerType: 'prompt',
      // No inline registration script (the CSP forbids it): the app registers through
      // useRegisterSW in src/components/pwa/use-update-prompt.ts.
      injectRegister: false,
      // public/ is covered by workbox.globPatterns below; listing it again only duplicates entries.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Kujira',
        short_name: 'Kujira',
        description:
          "Learn your team's command-line know-how with spaced-repetition flashcards and quizzes, online or offline.",
        lang: 'en',
        dir: 'ltr',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        display: 'standalone',
        orientation: 'any',
        start_url: '/',
        scope: '/',
        categories: ['education', 'productivity'],
        icons: [
          { src: '/pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app needs offline: the shell, every lazy route chunk, the compiled
        // decks chunk, icons and fonts.
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff2,json,webmanifest,wasm}'],
        // The plugin precaches its own manifest.webmanifest; globbing it too would list it twice.
        globIgnores: ['manifest.webmanifest'],
        // Every route is the SPA shell: deep links open offline too.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The compiled decks can grow past workbox's 2 MiB default, and the optimizer's wasm is
        // 1.7 MB: never silently drop either.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  define: {
    'import.meta.env.VITE_KUJIRA_BUILD_ID': JSON.stringify(BUILD_ID),
  },
  resolve: {
    alias: [{ find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: fileURLToPath(new URL('./scripts/shims/use-sync-external-store.ts', import.meta.url)) }],
  },
  // The optimizer's worker imports its wasm boundary lazily (a simulation needs no wasm):
  // code splitting inside a worker needs module workers.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // src/db's modules do nothing when loaded (no top-level effects): said here so that a route
    // importing the layer's face (src/db/index.ts) bundles only the repositories it uses, and the
    // first visit's shell does not take in a lazy screen's scheduler or backup code.
    rollupOptions: {
      treeshake: { moduleSideEffects: (id: string) => (/[\\/]src[\\/]db[\\/]/.test(id) ? false : undefined) },
      // Everything the entry imports statically (React, Dexie, i18next, the shell, Home) in one
      // chunk, the entry itself: left to itself rolldown splits it into seven files wherever a lazy
      // route shares a module, and seven gzip streams compress 2.5 KB worse than one (133.7 ->
      // 131.2 KB gzip first visit). Lazy chunks import what they share from the entry.
      // Start-up's code (the repair repository and everything it imports beyond the entry) in one
      // chunk too: offline, the service worker answers each file in turn, about 10 ms each on this
      // project's machine, and start-up otherwise asked for eleven small files.
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            { name: 'start-up', test: /[\\/]src[\\/]db[\\/]repair-repository\.ts$/ },
          ],
        },
        // Lazy chunks are named by their hash alone: the entry holds every chunk's file name (its
        // import() calls and the map of their dependencies), and the names were 0.3 KB gzip of the
        // first visit. The strings keep theirs: `npm run size` finds the first screen's by name.
        chunkFileNames: (chunk) => (/^(core|features)-(en|ja)$/.test(chunk.name) ? 'assets/[name]-[hash].js' : 'assets/[hash].js'),
      },
    },
    sourcemap: false,
    outDir: process.env.KUJIRA_OUT_DIR || 'dist',
    emptyOutDir: true,
  },
  preview: {
    port: 4173,
    strictPort: false,
    headers: {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
});
