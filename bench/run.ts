// `npm run bench`: the cost of one commit as the repository grows, against a bare IndexedDB
// transaction doing the same writes. Builds bench/page with Vite, serves it cross-origin isolated
// on 127.0.0.1, drives Chromium, and writes bench/results/<date>.json.
// Then the sync figures of bench/sync-run.ts: our `sync` in the page against native git pushing
// and pulling the same content through the same local git remote, in the same run. Then the
// cold-start figures of bench/cold-start-run.ts: the built app opening the Work view of 10,000
// items with 10,000 commits of history, against a bare page reading the same records straight
// from the same IndexedDB database, in the same run.
// In the same page, the commit's second baseline: isomorphic-git on lightning-fs committing the
// same single-item change at 10,000 items (bench/page/isogit-commit.ts). And the widget's size:
// the gzip size of dist/comments.js, when it has been built. And comment anchoring: 100 comments
// located in an edited 100-paragraph chapter per render (bench/page/anchor-bench.ts). And the
// production server's cost per fetch and per push over raw `git http-backend`
// (bench/server-run.ts), with the git CLI.
// The page is built as the app is, minified, with source maps (bench/page-build.ts), so its workers
// start as the app's do; BENCH_UNMINIFIED=1 builds it unminified, for profiles that name the
// source's functions (its figures are then not the app's: unminified workers start slower).
// Prints one line per measure to stdout (our figure, the baseline of the same run, the ratio,
// the goal); progress goes to stderr; the whole report goes to the results file.
// Usage: npm run bench [-- [--memory] [--sync-only | --cold-start-only | --commit-only | --anchoring-only | --server-only]]
//   --memory           use an ordinary (incognito) context, whose IndexedDB lives in memory; by
//                      default a throw-away profile on disk is used, so every commit really
//                      reaches the disk.
//   --sync-only        only the sync figures (the results file then ends in -sync-only.json).
//   --main-thread-only only what the main-thread lines need of the sync bench: one push, the
//                      pulls, first syncs, bundle export and import, and the profiles of the
//                      lines over budget (the file then ends in -main-thread-only.json).
//   --cold-start-only  only the cold-start figures (the file then ends in -cold-start-only.json).
//   --commit-only      only the commit figures, their isomorphic-git baseline and the widget's
//                      size (the file then ends in -commit-only.json).
//   --anchoring-only   only the comment anchoring figure (the file then ends in -anchoring-only.json).
//   --server-only      only the server's figures (no browser; the file ends in -server-only.json).
//   --first-sync-only  only the first syncs of generated repositories of three sizes against
//                      native git clone (bench/first-sync-run.ts; the file ends in -first-sync-only.json).
//   --profile-cold-start  profile one cold start even when it meets its goal (it always does
//                      when it misses), to see where the time goes.
//   --cold-start-sizes=10k,100k  which cold starts to run (default both; bench/cold-start-fixture.ts).
//   --profile-commit   profile the timed commits at the largest size: where the page's main-thread
//                      time goes (commits and bare transactions), in the results file.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { startStaticServer } from '../server/static-server.ts';
import { round, spread } from './stats.ts';
import { runColdStartBench, type ColdStartReport } from './cold-start-run.ts';
import { assetModules, startCpuProfile } from './cpu-profile.ts';
import { benchPageBuild, UNMINIFIED } from './page-build.ts';
import { runServerBench } from './server-run.ts';
import { runSyncBench, type SyncReport } from './sync-run.ts';
import { runFirstSyncBench, type FirstSyncReport } from './first-sync-run.ts';
import { openBenchContext, type BenchContext } from './browser.ts';
import { formatMeasure, formatSkipped, measuresOf } from './measures.ts';
import { RESULTS_VERSION, type AnchoringReport, type BenchResults, type IsogitCommitReport, type SizeResult } from './results-format.ts';
import { measureWidget } from './widget-size.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));
const DIST = fileURLToPath(new URL('./.dist/', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const WIDGET = fileURLToPath(new URL('../dist/comments.js', import.meta.url));

/**
 * Repository sizes, and how many single-item commits (and as many bare transactions) are timed at
 * each. With IndexedDB on disk, 100-200 samples left medians that moved by half between runs;
 * 1000 keep them within ~15% and the whole bench still takes about 20 s here.
 */
const SIZES: ReadonlyArray<{ items: number; samples: number }> = [
  { items: 100, samples: 1000 },
  { items: 1000, samples: 1000 },
  { items: 10000, samples: 1000 },
  { items: 100000, samples: 1000 },
];

/**
 * The isomorphic-git baseline: at the largest size, commits of each way (write + add + commit, and
 * plumbing), after untimed ones. About a third of a second each at 10,000 items.
 */
const ISOGIT = { items: 10000, samples: 20, warmup: 2 } as const;

/** The goal against isomorphic-git: our commit at least this many times faster. */
const ISOGIT_GOAL = 20;

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function buildPage(): Promise<void> {
  progress(`building bench/page${UNMINIFIED ? ' (unminified: BENCH_UNMINIFIED=1)' : ''}`);
  await build(benchPageBuild(PAGE_ROOT, DIST));
}

/** UTC, so the store writes `+0000` in commits as native git does here, and their ids agree. */
const TIMEZONE = 'UTC';

function openContext(inMemory: boolean): Promise<BenchContext> {
  return openBenchContext(inMemory, { timezoneId: TIMEZONE });
}

/** Which parts of the page's benches to run. */
interface PagePlan {
  commits: boolean;
  sync: boolean;
  /** Only the main-thread lines of the sync bench (bench/sync-run.ts). */
  mainThreadOnly: boolean;
  anchoring: boolean;
  /** Profile the timed commits at the largest size. */
  profileCommits: boolean;
  firstSync: boolean;
}

/** isomorphic-git's single-item commits at ISOGIT.items, against ours at the same size (`oursMedian`). */
async function runIsogitBaseline(page: Page, oursMedian: number): Promise<IsogitCommitReport> {
  const name = `isogit-${ISOGIT.items}`;
  progress(`isomorphic-git: filling lightning-fs with ${ISOGIT.items} items (one pack, every item staged)`);
  const fillMs = await page.evaluate(({ name, items }) => window.bench.isogitFill(name, items), { name, items: ISOGIT.items });
  progress(`isomorphic-git: filled in ${round(fillMs, 0)} ms; timing ${ISOGIT.samples} commits of each way`);
  const timed = await page.evaluate((args) => window.bench.isogitTimeCommits(args.name, args.samples, args.warmup), { name, samples: ISOGIT.samples, warmup: ISOGIT.warmup });
  const porcelain = spread(timed.porcelain);
  const plumbing = spread(timed.plumbing);
  const speedup = round(porcelain.median / oursMedian, 1);
  progress(`isomorphic-git: write+add+commit ${porcelain.median} ms, plumbing ${plumbing.median} ms; ours ${oursMedian} ms`);
  return {
    items: ISOGIT.items,
    samples: ISOGIT.samples,
    fillMs: round(fillMs, 0),
    porcelain,
    plumbing,
    ours: oursMedian,
    speedup,
    speedupOverPlumbing: round(plumbing.median / oursMedian, 1),
    goal: `isomorphic-git (write, add, commit) / ours >= ${ISOGIT_GOAL}`,
    met: speedup >= ISOGIT_GOAL,
  };
}

/** Comment anchoring: 100 comments in an edited 100-paragraph chapter, per render (goal: under 50 ms). */
async function runAnchoringBench(page: Page): Promise<AnchoringReport> {
  const plan = { paragraphs: 100, comments: 100, renders: 21 };
  const timed = await page.evaluate((args) => window.bench.timeAnchoring(args.paragraphs, args.comments, args.renders), plan);
  const total = spread(timed.totals.slice(1));
  progress(`anchoring: ${timed.placed} of ${timed.comments} placed in ${timed.textLength} characters, ${total.median} ms per render (p90 ${total.p90})`);
  return { paragraphs: plan.paragraphs, comments: timed.comments, placed: timed.placed, textLength: timed.textLength, total, budgetMs: 50 };
}

/** The commit figures (with isomorphic-git's) and the sync figures, from the bench page in one browser. */
async function runPageBenches(
  inMemory: boolean,
  plan: PagePlan,
): Promise<{
  chromium: string;
  results: SizeResult[];
  isomorphicGit: IsogitCommitReport | null;
  sync: SyncReport | null;
  anchoring: AnchoringReport | null;
  firstSync: FirstSyncReport | null;
}> {
  await buildPage();
  const server = await startStaticServer({
    root: DIST,
    port: 0,
    spaFallback: false,
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  });
  const browser = await openContext(inMemory);
  try {
    const page = await browser.context.newPage();
    page.on('console', (message) => progress(`page ${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => progress(`page error: ${error.message}`));
    await page.goto(new URL('index.html', server.url).href);
    await page.locator('#status', { hasText: 'ready' }).waitFor();
    const info = await page.evaluate(() => window.bench.info());
    if (!info.crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated: timings would be coarse');
    progress(`Chromium ${browser.version}, IndexedDB ${inMemory ? 'in memory' : 'on disk'}, served at ${server.url}`);

    const results: SizeResult[] = [];
    const moduleOf = await assetModules(join(DIST, 'assets'), REPO_ROOT);
    for (const { items, samples } of plan.commits ? SIZES : []) {
      const name = `bench-${items}`;
      progress(`N=${items}: filling`);
      const fillMs = await page.evaluate(({ name, items }) => window.bench.fill(name, items), { name, items });
      progress(`N=${items}: filled in ${round(fillMs, 0)} ms; timing ${samples} single-item commits and bare transactions`);
      const profiled = plan.profileCommits && items === SIZES.at(-1)?.items;
      const stopProfile = profiled ? await startCpuProfile(page, moduleOf, 25) : undefined;
      const timed = await page.evaluate(({ name, samples }) => window.bench.timeCommits(name, samples), { name, samples });
      const profile = await stopProfile?.();
      const store = spread(timed.store);
      const bareIdb = spread(timed.bareIdb);
      const result: SizeResult = { items, samples, fillMs: round(fillMs, 0), store, bareIdb, ratio: round(store.median / bareIdb.median, 2), ...(profile ? { profile } : {}) };
      if (profile) progress(`N=${items}: profiled (commits and bare transactions alike): ${profile.srcInclusive.slice(0, 12).map((f) => `${f.function} ${f.ms} ms`).join(', ')}`);
      progress(`N=${items}: store ${store.median} ms (p90 ${store.p90}), bare ${bareIdb.median} ms (p90 ${bareIdb.p90})`);
      results.push(result);
    }
    const largest = results.find((result) => result.items === ISOGIT.items);
    const isomorphicGit = largest ? await runIsogitBaseline(page, largest.store.median) : null;
    const sync = plan.sync ? await runSyncBench(page, progress, moduleOf, plan.mainThreadOnly) : null;
    const anchoring = plan.anchoring ? await runAnchoringBench(page) : null;
    const firstSync = plan.firstSync ? await runFirstSyncBench(page, browser.pid, new URL('index.html', server.url).href, progress) : null;
    return { chromium: browser.version, results, isomorphicGit, sync, anchoring, firstSync };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The run's part, from the flags; the results file's name ends in `-<part>-only` for a part. */
function chooseParts(argv: readonly string[]): { only: 'sync' | 'main-thread' | 'cold-start' | 'commit' | 'anchoring' | 'server' | 'first-sync' | undefined } {
  const flags = (['sync', 'main-thread', 'cold-start', 'commit', 'anchoring', 'server', 'first-sync'] as const).filter((part) => argv.includes(`--${part}-only`));
  if (flags.length > 1) throw new Error(`${flags.map((part) => `--${part}-only`).join(' and ')} exclude each other`);
  return { only: flags[0] };
}

async function main(): Promise<void> {
  const inMemory = process.argv.includes('--memory');
  const { only } = chooseParts(process.argv);
  const plan = {
    commits: only === undefined || only === 'commit',
    sync: only === undefined || only === 'sync' || only === 'main-thread',
    mainThreadOnly: only === 'main-thread',
    anchoring: only === undefined || only === 'commit' || only === 'anchoring',
    profileCommits: process.argv.includes('--profile-commit'),
    firstSync: only === undefined || only === 'first-sync',
  };
  const pages = only === 'cold-start' || only === 'server' ? undefined : await runPageBenches(inMemory, plan);
  const results = pages?.results ?? [];
  const coldStarts = only === undefined || only === 'cold-start';
  const profile = process.argv.includes('--profile-cold-start');
  const sizes = process.argv.find((arg) => arg.startsWith('--cold-start-sizes='))?.split('=')[1]?.split(',') ?? ['10k', '100k'];
  const coldStart: ColdStartReport | null = coldStarts && sizes.includes('10k') ? await runColdStartBench(progress, { inMemory, profile, size: '10k' }) : null;
  const coldStartLarge: ColdStartReport | null = coldStarts && sizes.includes('100k') ? await runColdStartBench(progress, { inMemory, profile, size: '100k' }) : null;
  const widget = only === undefined || only === 'commit' ? await measureWidget(WIDGET, 'dist/comments.js') : null;
  const server = only === undefined || only === 'server' ? await runServerBench(progress) : null;
  const first = results[0];
  const last = results.at(-1);
  const report: BenchResults = {
    version: RESULTS_VERSION,
    date: new Date().toISOString(),
    chromium: pages?.chromium ?? coldStart?.chromium ?? 'unknown',
    indexedDb: inMemory ? 'memory' : 'disk',
    unit: 'ms',
    results,
    flat: first && last ? round(last.store.median / first.store.median, 2) : null,
    sync: pages?.sync ?? null,
    coldStart,
    coldStartLarge,
    isomorphicGit: pages?.isomorphicGit ?? null,
    widget,
    anchoring: pages?.anchoring ?? null,
    server,
    firstSync: pages?.firstSync ?? null,
  };
  await mkdir(RESULTS, { recursive: true });
  const file = join(RESULTS, `${report.date.slice(0, 10)}${inMemory ? '-memory' : ''}${only ? `-${only}-only` : ''}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  progress(`wrote ${file}`);
  const { measures, skipped } = measuresOf(report);
  for (const line of [...measures.map(formatMeasure), ...skipped.map(formatSkipped)]) process.stdout.write(`${line}\n`);
}

await main();
