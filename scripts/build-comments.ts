// Builds the comment widget (`comments.js` and its lazy chunks) and the demo chapter into a folder
// that already holds the app's build, without emptying it, then reports the widget's size and
// fails when the page-load script is over budget.
//   tsx scripts/build-comments.ts [outDir]     (default dist/; run after `vite build`)
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import config from '../vite.comments.config.ts';
import { reportWidgetSize } from './report-widget-size.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Options of {@link buildComments}. */
export interface BuildCommentsOptions {
  /** Minify (default), or keep names readable. */
  minify?: boolean;
}

/** Builds `comments.js` (+ `comments/` chunks) and `demo/chapter-3.html` into `outDir`. */
export async function buildComments(outDir: string, options: BuildCommentsOptions = {}): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...config,
      configFile: false,
      root: REPO_ROOT,
      mode: 'production',
      logLevel: 'warn',
      clearScreen: false,
      build: { ...config.build, outDir, minify: options.minify ?? true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await mkdir(join(outDir, 'demo'), { recursive: true });
  await copyFile(join(REPO_ROOT, 'demo', 'chapter-3.html'), join(outDir, 'demo', 'chapter-3.html'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(REPO_ROOT, 'dist'));
  await buildComments(outDir);
  if (!(await reportWidgetSize(outDir))) process.exit(1);
}
