// Sums Vitest's json-summary coverage (one entry per file) by folder of src/: the figure the
// README states for src/store and src/sync. Pure: no I/O here (see coverage-summary.ts).

/** Covered and total counts of one kind (lines, statements...), as Istanbul's summary gives them. */
export interface CoverageCount {
  total: number;
  covered: number;
}

/** One file's entry in `coverage-summary.json`. */
export interface FileCoverage {
  lines: CoverageCount;
}

/** A folder's line coverage. */
export interface FolderCoverage {
  folder: string;
  files: number;
  covered: number;
  total: number;
  /** Covered lines in percent, to one decimal; 100 for a folder without lines. */
  percent: number;
}

/** The folder a file is counted in: `src/<first folder>`, or `src` for files directly in it; undefined outside src/. */
export function folderOf(file: string, root: string): string | undefined {
  const relative = file.startsWith(root) ? file.slice(root.length).replace(/^\/+/, '') : file;
  const parts = relative.split('/');
  if (parts[0] !== 'src') return undefined;
  return parts.length > 2 ? `src/${parts[1]}` : 'src';
}

/** Line coverage per folder of src/, sorted by folder, from a json-summary keyed by file path (plus `total`). */
export function coverageByFolder(summary: Readonly<Record<string, FileCoverage>>, root: string): FolderCoverage[] {
  const folders = new Map<string, FolderCoverage>();
  for (const [file, coverage] of Object.entries(summary)) {
    const folder = file === 'total' ? undefined : folderOf(file, root);
    if (folder === undefined) continue;
    const entry = folders.get(folder) ?? { folder, files: 0, covered: 0, total: 0, percent: 100 };
    entry.files += 1;
    entry.covered += coverage.lines.covered;
    entry.total += coverage.lines.total;
    entry.percent = entry.total === 0 ? 100 : Math.round((1000 * entry.covered) / entry.total) / 10;
    folders.set(folder, entry);
  }
  return [...folders.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}
