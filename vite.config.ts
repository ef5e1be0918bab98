import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // The installable app: a web manifest, and a service worker (Workbox, generated at build
    // time) that precaches the app shell so the app opens offline. 'prompt': a new version
    // waits until the person clicks "Reload" (src/ui/pwa/update-prompt.tsx).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false, // src/ui/pwa.ts registers it
      manifest: {
        id: '/',
        name: 'Taskgit',
        short_name: 'Taskgit',
        description: 'An offline-first task manager (Getting Things Done) whose every change is a git commit, synced to any git remote.',
        lang: 'en',
        start_url: '/#/work',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f5fa8',
        background_color: '#f4f6f8',
        categories: ['productivity'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: 'index.html',
        // Never answer these from the cache: run-time configuration and git remote traffic
        // (smart HTTP: info/refs, git-upload-pack, git-receive-pack) must reach the network.
        // Nor the demo book chapter (demo/), a page of its own that is not the app.
        navigateFallbackDenylist: [/^\/config\.json$/, /^\/healthz$/, /^\/proxy\//, /\/info\/refs/, /\/git-(upload|receive)-pack$/, /\.git(\/|$)/, /^\/demo\//],
        runtimeCaching: [],
        // The first worker takes over the page that installed it, so an update found in that
        // same visit can still hand over (and reload) when the person clicks Reload.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  // The workers (all started with `type: 'module'`) built as ES modules, not Vite's default IIFE:
  // an IIFE cannot split, so a worker's lazy `import()` was inlined into its script. As ES modules
  // pako, which the unpack worker imports only for an object over 16 MB or where WebAssembly
  // cannot be compiled (zlib-stream.ts), is a chunk of its own: the unpack worker's script, which
  // every fresh worker fetches, decodes and compiles before a first sync's request can leave, went
  // from 112 to 67 KB minified. The service worker precaches such chunks as it does every script
  // of the build (globPatterns above; e2e/app/offline.spec.ts).
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // `npm run coverage`: V8 coverage of src/ into coverage/ (html, and the json-summary that
    // test/reliability/coverage-summary.ts sums per folder). Test-only helpers live in test/.
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
      thresholds: {
        'src/store/**': { lines: 85 },
        'src/sync/**': { lines: 85 },
      },
    },
  },
});
