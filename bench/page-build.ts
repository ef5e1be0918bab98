// How the bench builds its pages (bench/page, bench/unpack-page): as the app is built for
// production (vite.config.ts): minified, its workers in the app's format, so a worker the bench
// starts costs what the app's does (its script fetched, decoded and compiled before it can run:
// the unpack worker's was 257 KB unminified, against 67 KB minified as the app ships it); and with
// source maps, by which CPU profiles name each position's source module (bench/cpu-profile.ts).
// BENCH_UNMINIFIED=1 builds them unminified, for profiles and traces that name the source's
// functions too (minifying renames a module's functions; class methods keep their names). Its
// figures are not the app's: its workers take longer to start.
import type { InlineConfig } from 'vite';
import appConfig from '../vite.config.ts';

/** Whether the bench's pages are built unminified (BENCH_UNMINIFIED=1), for readable profiles. */
export const UNMINIFIED = process.env.BENCH_UNMINIFIED === '1';

/** The Vite build of the page whose `index.html` is in `root`, into `outDir`. */
export function benchPageBuild(root: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    worker: appConfig.worker,
    build: { outDir, emptyOutDir: true, target: appConfig.build?.target, minify: !UNMINIFIED, sourcemap: true },
  };
}
