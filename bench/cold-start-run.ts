// The cold-start half of `npm run bench`: how long the real app takes, from navigation start, to
// show the Work view of a repository of 10,000 items with 10,000 commits of history, against a bare
// page reading the same records straight from the same IndexedDB database in the same run.
//   - The app is built as `npm start` builds it (`vite build` of the repository, NODE_ENV
//     production) into a temporary folder, and served by server/static-server.ts on 127.0.0.1
//     with COOP/COEP (cross-origin isolated, so performance.now() is fine-grained). Service
//     workers are blocked in the bench's browser context: every load reads the HTML and the
//     script from the server (HTTP cache), the same way for the app and for the baseline, whose
//     pages the app's worker would otherwise answer with the app (its navigation fallback).
//   - bench/page's cold-start pages are built into `/bench/` of the same origin: the preparation
//     page fills the app's database ('taskgit', branch main) through the store, the bare page
//     is the baseline (bench/page/cold-start-bare.ts).
//   - Each timed load is a new tab: the app's `#/work` until the Work view holds every action row
//     the model's query says it shows (a long list draws those near the screen: its `data-rows`
//     says how many it holds), and the frame after (painted); the bare page until it has
//     parsed every record. Both sides alternate and are timed from their own navigation start.
// When the app misses the goal (or with `--profile-cold-start`), one more load, of an unminified
// copy of the same build on the same origin, runs under Chromium's CPU profiler, and the
// preparation page replays the app's `loadSnapshot` step by step, to say where the time goes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'vite';
import { buildApp } from '../scripts/build-app.ts';
import { startStaticServer } from '../server/static-server.ts';
import { DEFAULT_CHUNK_CACHE_BYTES } from '../src/store/index.ts';
import { COLD_START_PLANS, RECORD_KEYS_FILE, itemsOf, type ColdStartSize } from './cold-start-fixture.ts';
import { assetModules, startCpuProfile, type CpuSummary, type ModuleOf } from './cpu-profile.ts';
import type { BareMarks } from './page/cold-start-bare.ts';
import type { Expected, LoadSteps, Prepared } from './page/cold-start-prep.ts';
import { median, round, series, type Series } from './stats.ts';
import { openBenchContext, type BenchContext } from './browser.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

/**
 * The ratio we aim for: the app's cold start at most three times the bare read's at 10,000 items,
 * twice at 100,000 (issue 14).
 */
export const COLD_START_GOALS: Record<ColdStartSize, number> = { '10k': 3, '100k': 2 };

/** Loads of each side, after one untimed load of each (HTTP cache, compiled code). */
export const COLD_START_LOADS = { warmup: 1, samples: 7 } as const;

/** Where each page lives on the one origin. */
const PATHS = {
  app: '/index.html#/work',
  profiledApp: '/profiled/index.html#/work',
  prep: '/bench/cold-start-prep.html',
  bare: '/bench/cold-start-bare.html',
  blank: '/bench/blank.html',
  keys: `/bench/${RECORD_KEYS_FILE}`,
} as const;

/** How long one load may take before the bench gives up on it. */
const LOAD_TIMEOUT_MS = 120_000;

/**
 * When each step of one app load ended, in ms since its navigation start. `tasksOpened` is when
 * the app stored its open repository on `window.taskgit` (src/ui/open-tasks.ts), i.e. once
 * `Tasks.open` has read every record; the rest are watched from outside the app.
 */
export interface AppMarks {
  /** The HTML has arrived (navigation timing's responseEnd). */
  html: number;
  /** The app's module script has run (domContentLoadedEventStart: module scripts run before it). */
  script: number;
  tasksOpened: number;
  /** The Work view holds every expected action row and has drawn those on the screen (a MutationObserver saw them). */
  rows: number;
  /** The animation frame after `rows` began. */
  frame: number;
  /** A task queued from that frame ran: the frame has been rendered. */
  painted: number;
  rowCount: number;
}

/** One profiled load of the app (unminified copy of the same build), kept apart from the figures. */
export interface ColdStartProfile {
  marks: AppMarks;
  cpu: CpuSummary;
  /** The app's `loadSnapshot`, replayed step by step in the preparation page. */
  loadSteps: LoadSteps;
}

/** The JS heap of a page after a load, garbage collected first (Chromium's Runtime.getHeapUsage). */
export interface HeapReport {
  /** The app's, after its cold start painted the Work view. */
  oursBytes: number;
  /** The bare page's, after it read and parsed every record (and kept them). */
  bareBytes: number;
  /** The store's bound on its cache of batch chunks (`openRepo({ chunkCacheBytes })`). */
  chunkCacheBoundBytes: number;
}

/** The `coldStart` section of the report. */
export interface ColdStartReport {
  chromium: string;
  goal: string;
  /** Absent in reports before issue 14 (always 10,000 items then). */
  size?: ColdStartSize;
  items: number;
  records: number;
  commits: number;
  workRows: number;
  serviceWorker: string;
  prep: { ms: number; fillCommits: number; fillMs: number; editCommits: number; editMs: number; head: string };
  /** Navigation start to the Work view rendered with every row (painted). */
  ours: Series;
  /** Navigation start to every record read and parsed. */
  bareIdb: Series;
  /** ours.median / bareIdb.median */
  ratio: number;
  met: boolean;
  /**
   * The bare page without its fetch of the blob id list (which stands in for the app's tree walk):
   * a stricter baseline, for reference.
   */
  bareIdbWithoutKeyList: Series;
  ratioWithoutKeyList: number;
  /** Medians of each side's steps, in ms since navigation start. */
  oursMarks: Omit<AppMarks, 'rowCount'>;
  bareMarks: Omit<BareMarks, 'records'>;
  /** Medians of the time between consecutive marks, in ms: where each side's time goes. */
  oursSteps: { loadPageAndScript: number; openAndReadRecords: number; renderWorkView: number; styleLayoutPaint: number };
  bareSteps: { loadPageAndScript: number; fetchKeyList: number; openDatabase: number; readBlobs: number; decodeAndParse: number };
  loads: { warmup: number; samples: number };
  /** Absent in reports before issue 14. */
  heap?: HeapReport;
  profile?: ColdStartProfile;
}

declare global {
  interface Window {
    /** Set by the bench's init script in the app's pages. */
    coldStartMarks?: Partial<AppMarks>;
  }
}

/** Each numeric field's median over `runs`. */
function medians<T extends object>(runs: readonly T[], keys: ReadonlyArray<keyof T>): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, round(median(runs.map((run) => run[key] as number)), 1)]));
}

/** bench/page's cold-start pages, into `outDir`, served under `/bench/`. */
async function buildBenchPages(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_ROOT,
    base: '/bench/',
    logLevel: 'warn',
    clearScreen: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      rolldownOptions: {
        input: { prep: join(PAGE_ROOT, 'cold-start-prep.html'), bare: join(PAGE_ROOT, 'cold-start-bare.html') },
        checks: { pluginTimings: false },
      },
    },
  });
  await writeFile(join(outDir, 'blank.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>blank</title>\n');
}

/**
 * Script run in every page of the context before the page's own: in the app's pages it records
 * (as `window.coldStartMarks`, see {@link AppMarks}) when the app stores its open repository on
 * `window.taskgit` and when the Work view holds `expected` action rows (its list's `data-rows`,
 * the rows it has, drawn or not: a long list draws the rows near the screen, and at least one
 * is drawn; plus the recently completed), then the next frame.
 * Plain JavaScript text, not a function: tsx would wrap a function's inner functions in helpers
 * the page does not have.
 */
function watchAppLoad(expected: number, appPaths: readonly string[]): string {
  return `(() => {
  if (!${JSON.stringify(appPaths)}.includes(location.pathname)) return;
  const expected = ${expected};
  const marks = {};
  window.coldStartMarks = marks;
  let tasks;
  Object.defineProperty(window, 'taskgit', {
    configurable: true,
    get() { return tasks; },
    set(value) {
      if (marks.tasksOpened === undefined) marks.tasksOpened = performance.now();
      tasks = value;
    },
  });
  const observer = new MutationObserver(() => {
    const list = document.querySelector('[data-view="work"] .work-groups');
    if (!list || !list.querySelector('.action-row')) return;
    const count = Number(list.getAttribute('data-rows')) + document.querySelectorAll('[data-view="work"] .recently-completed .action-row').length;
    marks.rowCount = count;
    if (count < expected) return;
    marks.rows = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      marks.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { marks.painted = performance.now(); };
      channel.port2.postMessage(undefined);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

/** Navigates `page` to the app at `url` and waits for the Work view to be painted; its marks. */
async function measureApp(page: Page, url: string): Promise<AppMarks> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => window.coldStartMarks?.painted !== undefined, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
  } catch (error) {
    const seen = await page.evaluate(() => window.coldStartMarks).catch(() => undefined);
    throw new Error(`the Work view did not show every row: ${JSON.stringify(seen)} (${String(error)})`);
  }
  const marks = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ...window.coldStartMarks, html: navigation?.responseEnd ?? NaN, script: navigation?.domContentLoadedEventStart ?? NaN };
  });
  return marks as AppMarks;
}

/** One load of the app in a new tab; its marks. */
async function loadApp(context: BrowserContext, url: string): Promise<AppMarks> {
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[bench] app page error: ${error.message}\n`));
  try {
    return await measureApp(page, url);
  } finally {
    await page.close();
  }
}

/**
 * One load of the app in a new tab under Chromium's CPU profiler, started on a blank page of the
 * same origin (so the renderer, and its profiler, stay across the navigation).
 */
async function profileAppLoad(context: BrowserContext, blankUrl: string, url: string, moduleOf: ModuleOf): Promise<{ marks: AppMarks; cpu: CpuSummary }> {
  const page = await context.newPage();
  try {
    await page.goto(blankUrl);
    const stop = await startCpuProfile(page, moduleOf, 25);
    const marks = await measureApp(page, url).catch(async (error: unknown) => {
      await stop().catch(() => undefined);
      throw error;
    });
    return { marks, cpu: await stop() };
  } finally {
    await page.close();
  }
}

/** The preparation page, loaded in a new tab, page errors and console on stderr. */
async function openPrepPage(context: BrowserContext, url: string, progress: (message: string) => void): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => progress(`page ${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => progress(`page error: ${error.message}`));
  await page.goto(url);
  await page.locator('#status', { hasText: 'ready' }).waitFor();
  return page;
}

/** One load of the bare page in a new tab; its marks. */
async function loadBare(context: BrowserContext, url: string): Promise<BareMarks> {
  const page = await context.newPage();
  try {
    return await waitForBare(page, url);
  } finally {
    await page.close();
  }
}

/** Navigates `page` to the bare page at `url` and waits until it has parsed every record; its marks. */
async function waitForBare(page: Page, url: string): Promise<BareMarks> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.coldStartBare !== undefined, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
  const result = await page.evaluate(() => window.coldStartBare);
  if (!result || 'error' in result) throw new Error(`the bare page failed: ${result?.error}`);
  return result;
}

/** One more load in a new tab by `load`, then the page's JS heap after a full garbage collection, in bytes. */
async function heapAfter(context: BrowserContext, load: (page: Page) => Promise<unknown>): Promise<number> {
  const page = await context.newPage();
  try {
    await load(page);
    const session = await context.newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    await session.detach();
    return usedSize;
  } finally {
    await page.close();
  }
}

function openContext(inMemory: boolean): Promise<BenchContext> {
  return openBenchContext(inMemory, { timezoneId: 'UTC', serviceWorkers: 'block' });
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(`cold-start bench: ${message}`);
}

/** How to run the cold-start bench. */
export interface ColdStartOptions {
  /** IndexedDB in memory (an incognito context); by default a throw-away profile on disk. */
  inMemory?: boolean;
  /** Take the profiled load even when the goal is met. */
  profile?: boolean;
  /** Which repository (bench/cold-start-fixture.ts); default '10k'. */
  size?: ColdStartSize;
}

/** Runs the cold-start bench. */
export async function runColdStartBench(progress: (message: string) => void, options: ColdStartOptions = {}): Promise<ColdStartReport> {
  const inMemory = options.inMemory ?? false;
  const size = options.size ?? '10k';
  const plan = COLD_START_PLANS[size];
  const items = itemsOf(plan);
  const goal = COLD_START_GOALS[size];
  const root = await mkdtemp(join(tmpdir(), 'taskgit-bench-app-'));
  try {
    progress('cold start: building the app (NODE_ENV=production) and the cold-start pages');
    await buildApp(root, { base: '/', minify: true });
    await buildBenchPages(join(root, 'bench'));
    const server = await startStaticServer({
      root,
      port: 0,
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    });
    const browser = await openContext(inMemory);
    try {
      const { context } = browser;
      const url = (path: string) => new URL(path, server.url).href;

      // 1. The app's database, filled through the store by the preparation page.
      const prepPage = await openPrepPage(context, url(PATHS.prep), progress);
      expect((await prepPage.evaluate(() => window.coldStartPrep.info())).crossOriginIsolated, 'the pages are not cross-origin isolated');
      progress(`cold start: committing ${items} items and ${plan.commits} commits into 'taskgit' (IndexedDB ${inMemory ? 'in memory' : 'on disk'})`);
      const prepStarted = performance.now();
      const prepared: Prepared = await prepPage.evaluate((size) => window.coldStartPrep.prepare(size), size);
      const prepMs = performance.now() - prepStarted;
      progress(`cold start: prepared in ${round(prepMs / 1000, 1)} s (${prepared.fillCommits} fill commits in ${round(prepared.fillMs, 0)} ms, ${prepared.editCommits} edits in ${round(prepared.editMs, 0)} ms)`);
      const expected: Expected = await prepPage.evaluate(() => window.coldStartPrep.expected());
      await prepPage.close();
      expect(expected.head === prepared.head, `the app would open ${expected.head}, not ${prepared.head}`);
      expect(expected.records === prepared.records && expected.malformed === 0, `${expected.records} records read, ${expected.malformed} malformed`);
      expect(expected.recordBlobs.length === prepared.records, `${expected.recordBlobs.length} record blobs for ${prepared.records} records`);
      await writeFile(join(root, PATHS.keys), JSON.stringify(expected.recordBlobs));
      progress(`cold start: ${expected.records} records, the Work view shows ${expected.workRows} action rows`);

      // 2. Alternating loads, each in a new tab; the first of each untimed.
      await context.addInitScript({ content: watchAppLoad(expected.workRows, ['/', '/index.html', '/profiled/', '/profiled/index.html']) });
      const ours: AppMarks[] = [];
      const bare: BareMarks[] = [];
      const { warmup, samples } = COLD_START_LOADS;
      for (let run = 0; run < warmup + samples; run++) {
        const app = async () => ours.push(await loadApp(context, url(PATHS.app)));
        const baseline = async () => bare.push(await loadBare(context, url(PATHS.bare)));
        if (run % 2 === 0) await app().then(baseline);
        else await baseline().then(app);
        const last = { ours: ours.at(-1) as AppMarks, bare: bare.at(-1) as BareMarks };
        expect(last.ours.rowCount === expected.workRows, `the Work view showed ${last.ours.rowCount} rows, not ${expected.workRows}`);
        expect(last.bare.records === expected.records, `the bare page parsed ${last.bare.records} records`);
        if (run < warmup) {
          ours.pop();
          bare.pop();
        }
        progress(`cold start: ${run < warmup ? 'warm-up' : `load ${run - warmup + 1}/${samples}`}: ours ${round(last.ours.painted, 0)} ms, bare ${round(last.bare.parsed, 0)} ms`);
      }

      const oursSeries = series(ours.map((marks) => marks.painted), 1);
      const bareSeries = series(bare.map((marks) => marks.parsed), 1);
      const ratio = round(oursSeries.median / bareSeries.median, 2);
      const bareWithoutKeys = series(bare.map((marks) => marks.parsed - (marks.keys - marks.script)), 1);
      const report: ColdStartReport = {
        chromium: browser.version,
        goal: `ours / bareIdb <= ${goal}`,
        size,
        items,
        records: expected.records,
        commits: prepared.commits,
        workRows: expected.workRows,
        serviceWorker: 'blocked in the bench context (every load reads the HTML and scripts from the server or the HTTP cache, on both sides)',
        prep: {
          ms: round(prepMs, 0),
          fillCommits: prepared.fillCommits,
          fillMs: round(prepared.fillMs, 0),
          editCommits: prepared.editCommits,
          editMs: round(prepared.editMs, 0),
          head: prepared.head,
        },
        ours: oursSeries,
        bareIdb: bareSeries,
        ratio,
        met: ratio <= goal,
        bareIdbWithoutKeyList: bareWithoutKeys,
        ratioWithoutKeyList: round(oursSeries.median / bareWithoutKeys.median, 2),
        oursMarks: medians(ours, ['html', 'script', 'tasksOpened', 'rows', 'frame', 'painted']) as ColdStartReport['oursMarks'],
        bareMarks: medians(bare, ['script', 'keys', 'opened', 'read', 'parsed']) as ColdStartReport['bareMarks'],
        oursSteps: medians(
          ours.map((m) => ({ loadPageAndScript: m.script, openAndReadRecords: m.tasksOpened - m.script, renderWorkView: m.rows - m.tasksOpened, styleLayoutPaint: m.painted - m.rows })),
          ['loadPageAndScript', 'openAndReadRecords', 'renderWorkView', 'styleLayoutPaint'],
        ) as ColdStartReport['oursSteps'],
        bareSteps: medians(
          bare.map((m) => ({ loadPageAndScript: m.script, fetchKeyList: m.keys - m.script, openDatabase: m.opened - m.keys, readBlobs: m.read - m.opened, decodeAndParse: m.parsed - m.read })),
          ['loadPageAndScript', 'fetchKeyList', 'openDatabase', 'readBlobs', 'decodeAndParse'],
        ) as ColdStartReport['bareSteps'],
        loads: { warmup, samples },
      };
      progress(`cold start: ours ${oursSeries.median} ms, bare ${bareSeries.median} ms (medians of ${samples}): ratio ${ratio}`);
      report.heap = {
        oursBytes: await heapAfter(context, (page) => measureApp(page, url(PATHS.app))),
        bareBytes: await heapAfter(context, (page) => waitForBare(page, url(PATHS.bare))),
        chunkCacheBoundBytes: DEFAULT_CHUNK_CACHE_BYTES,
      };
      progress(`cold start: heap after the load, garbage collected: ours ${round(report.heap.oursBytes / 2 ** 20, 1)} MB, bare ${round(report.heap.bareBytes / 2 ** 20, 1)} MB`);

      // 3. Missed (or asked for): one profiled load, and the load replayed step by step.
      if (!report.met || options.profile) {
        progress(`cold start: ${report.met ? 'profiling as asked' : 'misses the goal'}: one more load, profiled (an unminified copy of the build)`);
        const profiled = join(root, 'profiled');
        await buildApp(profiled, { base: '/profiled/', minify: false });
        await loadApp(context, url(PATHS.profiledApp)); // untimed: HTTP cache and compiled code, as for the figures
        const { marks, cpu } = await profileAppLoad(context, url(PATHS.blank), url(PATHS.profiledApp), await assetModules(join(profiled, 'assets'), REPO_ROOT));
        const stepsPage = await openPrepPage(context, url(PATHS.prep), progress);
        const loadSteps: LoadSteps = await stepsPage.evaluate(() => window.coldStartPrep.loadSteps());
        await stepsPage.close();
        report.profile = { marks, cpu, loadSteps };
        progress(`cold start: profiled load painted at ${round(marks.painted, 0)} ms; loadSnapshot replayed in ${round(loadSteps.loadSnapshot, 0)} ms`);
      }
      return report;
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
