/** File names and sentences of Export / Import. Pure, so unit tested in Node. */
import { todayOf } from '../../model/index.ts';

/** The name an export downloads as: `taskgit-2026-03-04.bundle` (the local date). */
export function bundleFileName(date: Date): string {
  return `taskgit-${todayOf(date)}.bundle`;
}

/** A size in bytes for people: "812 bytes", "14.2 KB", "3.1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** What an import did (sync's ImportBundleResult, and what the model committed after its merge). */
export interface ImportOutcome {
  kind: 'imported' | 'merged' | 'up-to-date';
  head: string;
  objects: number;
  /** The subject of the commit the model made after the merge (a repair, a tidy-up), if it made one. */
  after?: string;
}

/** The result of importing `fileName`, in words. */
export function describeImport(fileName: string, outcome: ImportOutcome): string {
  const name = `“${fileName}”`;
  const objects = `${outcome.objects} new git ${outcome.objects === 1 ? 'object' : 'objects'}`;
  switch (outcome.kind) {
    case 'imported':
      return `Imported ${name}: this device now has its whole history (${objects}; latest commit ${outcome.head.slice(0, 7)}).`;
    case 'merged':
      return `Merged ${name} into this device’s history (${objects}).${outcome.after ? ` Then, in one more commit: ${outcome.after}.` : ''}`;
    case 'up-to-date':
      return `Nothing new in ${name}: this device already has all of its history.`;
  }
}

/** An error of export or import, in words (a BundleError's message already says what to do). */
export function errorWords(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
