// The shape of a bench/results/<date>.json file. Version 1 files (the first, with no `version`
// field) have every field but `isomorphicGit` and `widget`; readers must take both.
import type { ColdStartReport } from './cold-start-run.ts';
import type { CpuSummary } from './cpu-profile.ts';
import type { FirstSyncReport } from './first-sync-run.ts';
import type { ServerReport } from './server-run.ts';
import type { Spread } from './stats.ts';
import type { SyncReport } from './sync-run.ts';
import type { WidgetReport } from './widget-size.ts';

/**
 * The version this bench writes. 2 added `version`, `isomorphicGit` and `widget`; 3 the commit at
 * 100,000 items, the bare commit's same-size puts, `coldStartLarge` and the heap after a cold start.
 */
export const RESULTS_VERSION = 3;

/** The commit bench's figures at one repository size. */
export interface SizeResult {
  items: number;
  samples: number;
  fillMs: number;
  store: Spread;
  bareIdb: Spread;
  /** store.median / bareIdb.median */
  ratio: number;
  /** With --profile-commit, at the largest size: the page's CPU profile over the timed series. */
  profile?: CpuSummary;
}

/** isomorphic-git on lightning-fs committing the same single-item change as the store, in the same page. */
export interface IsogitCommitReport {
  items: number;
  samples: number;
  fillMs: number;
  /** write the file, `git.add`, `git.commit`, flush: how an app on isomorphic-git commits an edit. */
  porcelain: Spread;
  /** the same objects by plumbing calls (blob, three trees, commit, ref), flush. */
  plumbing: Spread;
  /** Our store's median commit at the same size, in the same run. */
  ours: number;
  /** porcelain.median / ours: how many times faster our commit is. */
  speedup: number;
  /** plumbing.median / ours */
  speedupOverPlumbing: number;
  goal: string;
  met: boolean;
}

/** One results file. */
export interface BenchResults {
  /** Absent in version 1 files. */
  version?: number;
  date: string;
  chromium: string;
  indexedDb: 'disk' | 'memory';
  unit: 'ms';
  results: SizeResult[];
  /** median@10000 / median@100: 1 means a commit costs the same whatever the repository size. */
  flat: number | null;
  sync: SyncReport | null;
  coldStart: ColdStartReport | null;
  /** The cold start at 100,000 items and 100,000 commits. Absent before version 3; null when not run. */
  coldStartLarge?: ColdStartReport | null;
  /** Absent in version 1 files; null when not run. */
  isomorphicGit?: IsogitCommitReport | null;
  /** Absent in version 1 files; null when not run. */
  widget?: WidgetReport | null;
  /** Comment anchoring in the page (absent in older files; null when not run). */
  anchoring?: AnchoringReport | null;
  /** The production server's cost over raw `git http-backend`; absent in files before it was measured, null when not run. */
  server?: ServerReport | null;
  /** Absent before the first-sync bench; null when not run. */
  firstSync?: FirstSyncReport | null;
}

/** 100 comments anchored in an edited 100-paragraph chapter, per render of the widget. */
export interface AnchoringReport {
  paragraphs: number;
  comments: number;
  placed: number;
  textLength: number;
  /** ms per render: page text plus every anchor located. */
  total: Spread;
  /** The goal, ms per render. */
  budgetMs: number;
}
