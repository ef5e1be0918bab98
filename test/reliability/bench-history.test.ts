// The bench's results history: every results file, of either version, read into the same
// measures; one output line per measure; bench/report.html charting each measure over time; the
// widget's size read from its build or skipped with the reason.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMeasure, formatSkipped, measuresOf } from '../../bench/measures.ts';
import { reportHtml } from '../../bench/report-html.ts';
import { RESULTS_VERSION, type BenchResults } from '../../bench/results-format.ts';
import { measureWidget, WIDGET_GOAL_BYTES } from '../../bench/widget-size.ts';
import { makeTempDir, removeTempDirs } from '../support/git-cli.ts';

afterAll(removeTempDirs);

const spread = (median: number) => ({ median, p90: median * 2 });
const series = (median: number) => ({ median, min: median, max: median, n: 3 });
const size = (items: number, store: number, bare: number) => ({ items, samples: 1000, fillMs: 10, store: spread(store), bareIdb: spread(bare), ratio: Math.round((100 * store) / bare) / 100 });
const syncFigure = (ours: number, native: number) => ({ ours: series(ours), native: series(native), ratio: Math.round((100 * ours) / native) / 100, met: ours / native <= 2, oursTrace: [] });

/** A version 1 file as the first bench wrote it: no version, no isomorphicGit, no widget. */
const VERSION_1 = {
  date: '2026-11-23T18:21:49.819Z',
  chromium: '156.0.8078.79',
  indexedDb: 'disk',
  unit: 'ms',
  results: [size(100, 3, 1.5), size(10000, 3.5, 2)],
  flat: 1.17,
  sync: { initialPush: syncFigure(2000, 1000), incrementalPush: syncFigure(80, 70), pull: syncFigure(1380, 427) },
  coldStart: { items: 10000, ours: series(1417), bareIdb: series(621), ratio: 2.28, met: true },
} as unknown as BenchResults;

/** A version 2 file: commits only, with isomorphic-git's figures, and no widget built. */
const VERSION_2 = {
  version: 2,
  date: '2026-11-24T09:00:00.000Z',
  chromium: '156.0.8078.79',
  indexedDb: 'disk',
  unit: 'ms',
  results: [size(100, 3.2, 1.5), size(10000, 4.6, 2)],
  flat: 1.4,
  sync: null,
  coldStart: null,
  isomorphicGit: { items: 10000, samples: 20, fillMs: 3000, porcelain: spread(800), plumbing: spread(35), ours: 4.6, speedup: 173.9, speedupOverPlumbing: 7.6, goal: '>= 20', met: true },
  widget: { file: 'dist/comments.js', skipped: 'dist/comments.js is not there: the widget has not been built' },
} as unknown as BenchResults;

const heap = { oursBytes: 150 * 2 ** 20, bareBytes: 60 * 2 ** 20, chunkCacheBoundBytes: 12 * 2 ** 20 };
const coldStart = (size: '10k' | '100k', items: number, commits: number, ours: number, bare: number) => ({
  size,
  items,
  commits,
  ours: series(ours),
  bareIdb: series(bare),
  ratio: Math.round((100 * ours) / bare) / 100,
  heap,
});

/** A version 3 file (issue 14): a commit at 100,000 items, and both cold starts with their heaps. */
const VERSION_3 = {
  version: RESULTS_VERSION,
  date: '2026-12-04T09:00:00.000Z',
  chromium: '156.0.8078.79',
  indexedDb: 'disk',
  unit: 'ms',
  results: [size(100, 3, 2), size(100000, 3.6, 2.5)],
  flat: 1.2,
  sync: null,
  coldStart: coldStart('10k', 10000, 10000, 1200, 640),
  coldStartLarge: coldStart('100k', 100000, 100000, 9000, 5000),
} as unknown as BenchResults;

describe('measuresOf', () => {
  it('reads a version 1 file: commits, sync and cold start against their baselines', () => {
    const { measures, skipped } = measuresOf(VERSION_1);
    expect(measures.map((measure) => [measure.id, measure.ours, measure.baseline.value, measure.ratio])).toEqual([
      ['commit-100', 3, 1.5, 2],
      ['commit-10000', 3.5, 2, 1.75],
      ['sync-initialPush', 2000, 1000, 2],
      ['sync-incrementalPush', 80, 70, 1.14],
      ['sync-pull', 1380, 427, 3.23],
      ['cold-start', 1417, 621, 2.28],
    ]);
    expect(skipped).toEqual([]);
  });

  it('reads a version 2 file: isomorphic-git as a speed-up goal, and the widget skipped with its reason', () => {
    const { measures, skipped } = measuresOf(VERSION_2);
    const isogit = measures.find((measure) => measure.id === 'commit-10000-isomorphic-git');
    expect(isogit).toMatchObject({ ours: 4.6, baseline: { value: 800 }, ratio: 173.9, goal: { kind: 'at-least', value: 20 } });
    expect(measures.find((measure) => measure.id === 'commit-10000-isomorphic-git-plumbing')?.goal).toBeUndefined();
    expect(skipped.map(formatSkipped)).toEqual(['widget size (gzip): skipped, dist/comments.js is not there: the widget has not been built']);
  });

  it('reads a version 3 file: raised commit goal, the commit at 100,000 items against 100, both cold starts, heaps', () => {
    const lines = measuresOf(VERSION_3).measures.map(formatMeasure);
    expect(lines).toEqual([
      'commit, 100 items: ours 3 ms | bare IndexedDB 2 ms | ratio 1.5 (goal <= 1.5: met)',
      'commit, 100,000 items: ours 3.6 ms | bare IndexedDB 2.5 ms | ratio 1.44 (goal <= 1.5: met)',
      'commit at 100,000 items vs at 100 items: ours 3.6 ms | ours at 100 items 3 ms | ratio 1.2 (goal <= 1.3: met)',
      'cold start to the Work view, 10,000 items: ours 1,200 ms | bare read 640 ms | ratio 1.88 (goal <= 3: met)',
      'heap after cold start, 10,000 items (chunk cache bound 12 MB): ours 150 MB | bare read 60 MB | ratio 2.5 (reference, no goal)',
      'cold start to the Work view, 100,000 items, 100,000 commits: ours 9,000 ms | bare read 5,000 ms | ratio 1.8 (goal <= 2: met)',
      'heap after cold start, 100,000 items (chunk cache bound 12 MB): ours 150 MB | bare read 60 MB | ratio 2.5 (reference, no goal)',
    ]);
  });
});

describe('formatMeasure', () => {
  it('gives the measure, our figure, the baseline, the ratio and the verdict on one line', () => {
    const lines = measuresOf(VERSION_1).measures.map(formatMeasure);
    expect(lines[1]).toBe('commit, 10,000 items: ours 3.5 ms | bare IndexedDB 2 ms | ratio 1.75 (goal <= 2: met)');
    expect(lines[4]).toBe('pull of 1,000 commits: ours 1,380 ms | native git 427 ms | ratio 3.23 (goal <= 1.2: MISSED)');
    expect(measuresOf(VERSION_2).measures.map(formatMeasure)[2]).toBe(
      'commit, 10,000 items, vs isomorphic-git (write, add, commit): ours 4.6 ms | isomorphic-git + lightning-fs 800 ms | ratio 173.9x faster (goal >= 20: met)',
    );
  });
});

describe('reportHtml', () => {
  const html = reportHtml([
    { file: '2026-11-24-commit-only.json', results: VERSION_2 },
    { file: '2026-11-23.json', results: VERSION_1 },
  ]);

  it('draws one chart per measure found in any file, with the goal line where there is a goal', () => {
    expect(html.match(/<section>/g)).toHaveLength(8);
    expect(html.match(/<svg /g)).toHaveLength(8);
    expect(html.match(/class="goal"/g)).toHaveLength(7); // the plumbing reference has none
    expect(html).not.toMatch(/<script/);
  });

  it('plots each measure over every run that has it, oldest first, and flags a missed goal', () => {
    const commit = html.slice(html.indexOf('<h2>commit, 10,000 items</h2>'), html.indexOf('</section>', html.indexOf('<h2>commit, 10,000 items</h2>')));
    expect(commit).toContain('latest: ours 4.6 ms, bare IndexedDB 2 ms, ratio 2.3 (goal ≤ 2): <span class="missed">goal missed</span>; 2 runs');
    const titles = [...commit.matchAll(/<title>([^<]*ratio[^<]*)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual(['2026-11-23T18:21:49.819Z: ratio 1.75', '2026-11-24T09:00:00.000Z: ratio 2.3 (goal missed)']);
    const pull = html.slice(html.indexOf('<h2>pull of 1,000 commits</h2>'));
    expect(pull).toContain('1 run');
  });
});

describe('measureWidget', () => {
  it('gives the gzip size of the built widget against its 40 KB budget', async () => {
    const file = join(makeTempDir('widget'), 'comments.js');
    const script = `export function mount(){${'document.body.append("comment");'.repeat(500)}}\n`;
    writeFileSync(file, script);
    const report = await measureWidget(file, 'dist/comments.js');
    const gzipBytes = gzipSync(script, { level: 9 }).length;
    expect(report).toEqual({ file: 'dist/comments.js', bytes: script.length, gzipBytes, goalBytes: WIDGET_GOAL_BYTES, ratio: Math.round((100 * gzipBytes) / WIDGET_GOAL_BYTES) / 100, met: true });
  });

  it('says it skipped when the widget is not built', async () => {
    expect(await measureWidget(join(makeTempDir('widget'), 'comments.js'), 'dist/comments.js')).toEqual({
      file: 'dist/comments.js',
      skipped: 'dist/comments.js is not there: the widget has not been built',
    });
  });
});
