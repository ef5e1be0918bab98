// The comment widget's build: one ES module entry, `comments.js`, with its lazy chunks (markdown,
// sync) beside it in `comments/`. Built into the app's output folder without emptying it
// (scripts/build-comments.ts). Chunks import each other by relative URL and nothing is
// preloaded from the page's origin, so a site on another host can load `https://host/comments.js`.
import { defineConfig } from 'vite';

/** Where the manifest goes, inside the output folder; scripts/report-widget-size.ts reads it. */
export const COMMENTS_MANIFEST = '.vite/comments-manifest.json';

/** The module Vite's build wraps dynamic imports with (its `preloadHelperId`). */
const PRELOAD_HELPER = '\0vite/preload-helper.js';

export default defineConfig({
  plugins: [
    {
      // With modulePreload off Vite still wraps each dynamic import() in its preload helper (~650
      // bytes gzip in the page-load script) that, with nothing to preload, only calls the import
      // and fires a `vite:preloadError` event on the host page when it fails. Plain import() here.
      name: 'comments:plain-dynamic-import',
      enforce: 'pre',
      load(id) {
        return id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined;
      },
    },
  ],
  publicDir: false,
  base: './',
  // The sync code the widget imports starts the app's workers (the widget's code never does, but
  // Vite builds every `new Worker(new URL(...))` it meets) into assets/, where the app's build
  // put its own: built as the app builds them (vite.config.ts), they are the same files, not
  // stray copies in another format that the app's service worker does not precache.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    emptyOutDir: false,
    sourcemap: true,
    modulePreload: false,
    manifest: COMMENTS_MANIFEST,
    rolldownOptions: {
      input: { comments: 'src/comments/index.ts' },
      output: { format: 'es', entryFileNames: 'comments.js', chunkFileNames: 'comments/[name]-[hash].js' },
      checks: { pluginTimings: false },
    },
  },
});
