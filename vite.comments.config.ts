// The comment widget's build: one ES module entry, `comments.js`, with its lazy chunks (markdown,
// sync) beside it in `comments/`. Built into the app's output folder without emptying it
// (scripts/build-comments.ts). Chunks import each other by relative URL and nothing is
// preloaded from the page's origin, so a site on another host can load `https://host/comments.js`.
import { defineConfig } from 'vite';

/** Where the manifest goes, inside the output folder; scripts/report-widget-size.ts reads it. */
export const COMMENTS_MANIFEST = '.vite/comments-manifest.json';

export default defineConfig({
  publicDir: false,
  base: './',
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
