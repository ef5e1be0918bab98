// The comment widget's size, gzipped: the script that runs on page load (the entry and what it
// imports statically) and each chunk loaded later. Fails above the budget, and when a lazy chunk
// needs another chunk not yet loaded: that one is fetched a round trip later, and a reader who
// goes offline in between is left with a failed import, which Chromium keeps until a reload.
//   tsx scripts/report-widget-size.ts [outDir]     (default dist/)
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { COMMENTS_MANIFEST } from '../vite.comments.config.ts';

/** The most the page-load script may weigh, gzipped. */
export const WIDGET_BUDGET_BYTES = 40 * 1024;

/** One chunk and its gzipped size. */
export interface ChunkSize {
  file: string;
  gzipBytes: number;
}

/** The widget's sizes. */
export interface WidgetSizeReport {
  /** Loaded with the page: the entry and its static imports. */
  onLoad: ChunkSize[];
  onLoadGzipBytes: number;
  /** Loaded by dynamic import when first needed. */
  lazy: ChunkSize[];
  withinBudget: boolean;
  /** Lazy chunks that import, statically, a chunk their importer has not loaded: `"a.js needs b.js"`. */
  chained: string[];
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Measures the widget built into `outDir` (by scripts/build-comments.ts). */
export async function measureWidget(outDir: string): Promise<WidgetSizeReport> {
  const manifest = JSON.parse(await readFile(join(outDir, COMMENTS_MANIFEST), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (entryKey === undefined) throw new Error(`no entry in ${join(outDir, COMMENTS_MANIFEST)}`);
  const onLoadKeys = staticClosure(manifest, entryKey);
  const size = async (key: string): Promise<ChunkSize> => {
    const file = (manifest[key] as ManifestChunk).file;
    return { file, gzipBytes: gzipSync(await readFile(join(outDir, file)), { level: 9 }).length };
  };
  const jsKeys = Object.keys(manifest).filter((key) => manifest[key]?.file.endsWith('.js'));
  const onLoad = await Promise.all(jsKeys.filter((key) => onLoadKeys.has(key)).map(size));
  const lazy = await Promise.all(jsKeys.filter((key) => !onLoadKeys.has(key)).map(size));
  const onLoadGzipBytes = onLoad.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return { onLoad, onLoadGzipBytes, lazy, withinBudget: onLoadGzipBytes <= WIDGET_BUDGET_BYTES, chained: chainedChunks(manifest, onLoadKeys) };
}

/** `key` and every chunk it imports statically, however deep. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(manifest, next, into);
  return into;
}

/**
 * Each dynamic import whose chunk needs another chunk that is not loaded by the time it runs:
 * loaded are the page-load script's chunks (`onLoad`) and those of the chunk that imports it.
 */
function chainedChunks(manifest: Record<string, ManifestChunk>, onLoad: ReadonlySet<string>): string[] {
  const file = (key: string): string => manifest[key]?.file ?? key;
  return Object.keys(manifest).flatMap((importer) => {
    const loaded = staticClosure(manifest, importer, new Set(onLoad));
    return (manifest[importer]?.dynamicImports ?? []).flatMap((lazy) =>
      [...staticClosure(manifest, lazy)].filter((key) => key !== lazy && !loaded.has(key)).map((key) => `${file(lazy)} needs ${file(key)}`),
    );
  });
}

/** The report as lines a person reads. */
export function formatWidgetSize(report: WidgetSizeReport): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    `comment widget, gzipped: ${kb(report.onLoadGzipBytes)} on page load (budget ${kb(WIDGET_BUDGET_BYTES)})`,
    ...report.onLoad.map((chunk) => `  on load  ${kb(chunk.gzipBytes).padStart(9)}  ${chunk.file}`),
    ...report.lazy.map((chunk) => `  lazy     ${kb(chunk.gzipBytes).padStart(9)}  ${chunk.file}`),
  ];
  if (!report.withinBudget) lines.push(`OVER BUDGET by ${kb(report.onLoadGzipBytes - WIDGET_BUDGET_BYTES)}`);
  for (const chain of report.chained) lines.push(`A LAZY CHUNK TAKES TWO ROUND TRIPS: ${chain}`);
  return `${lines.join('\n')}\n`;
}

/** Prints the report; false when over budget or a lazy chunk is chained. */
export async function reportWidgetSize(outDir: string): Promise<boolean> {
  const report = await measureWidget(outDir);
  process.stdout.write(formatWidgetSize(report));
  return report.withinBudget && report.chained.length === 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist/', import.meta.url)));
  if (!(await reportWidgetSize(outDir))) process.exit(1);
}
