// The widget's measure: the gzip size of the built comment widget, `dist/comments.js`, against
// its budget. Read from the build when it is there; skipped, saying so, when it is not.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { round } from './stats.ts';

/** The budget: the widget a book page loads is at most 40 KB gzip. */
export const WIDGET_GOAL_BYTES = 40 * 1024;

/** The `widget` section of the report. */
export type WidgetReport =
  | { file: string; bytes: number; gzipBytes: number; goalBytes: number; ratio: number; met: boolean }
  | { file: string; skipped: string };

/** Measures `file` (gzip level 9, as size budgets usually are), or says why it could not. */
export async function measureWidget(file: string, shownAs: string): Promise<WidgetReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { file: shownAs, skipped: missing ? `${shownAs} is not there: the widget has not been built` : `${shownAs} could not be read: ${String(error)}` };
  }
  const gzipBytes = gzipSync(bytes, { level: 9 }).length;
  const ratio = round(gzipBytes / WIDGET_GOAL_BYTES, 2);
  return { file: shownAs, bytes: bytes.length, gzipBytes, goalBytes: WIDGET_GOAL_BYTES, ratio, met: gzipBytes <= WIDGET_GOAL_BYTES };
}
