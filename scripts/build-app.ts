// `vite build` of the app exactly as `npm start` serves it, into a folder of the caller's: for
// the browser tests (e2e/support/global-setup.ts) and the cold-start bench. The comment widget
// (`comments.js`) and its demo chapter are built into the same folder, as `npm run build` does.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildComments } from './build-comments.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** The URL path the app is served under; default '/'. */
  base?: string;
  /** Minify (default), or keep names readable for CPU profiles. */
  minify?: boolean;
}

/**
 * Builds the app (service worker included) into `outDir`, then the comment widget and its demo
 * chapter beside it. NODE_ENV is production for the build: a process whose Vite dev server set it
 * to development would otherwise bundle React's development build, not what `npm start` serves.
 */
export async function buildApp(outDir: string, options: BuildAppOptions = {}): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      root: REPO_ROOT,
      mode: 'production',
      base: options.base ?? '/',
      logLevel: 'warn',
      clearScreen: false,
      build: { outDir, emptyOutDir: true, minify: options.minify ?? true, rolldownOptions: { checks: { pluginTimings: false } } },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await buildComments(outDir, { minify: options.minify ?? true });
}
