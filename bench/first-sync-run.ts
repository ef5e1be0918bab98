// The first-sync half of `npm run bench`: an empty store in the page syncs a whole generated
// repository (bench/realistic-repo.ts: prose revised thousands of times, images, PDFs, merges)
// from the local git remote, against native `git clone --bare` of the same repository through
// the same remote, in the same run, at three sizes up to ~250 MB of pack. With each: the longest
// main-thread task of the page during our sync, and the peak memory of Chromium's renderers.
// FIRST_SYNC_REPOS=book-500,book-2500 runs only those sizes (while working on one);
// FIRST_SYNC_THREADS=1 prints the busiest threads of Chromium over each of our samples (CPU, and
// the fresh pages each touched: page faults, dear on a VM);
// FIRST_SYNC_TRACE=<folder> writes a Chromium trace of each size's last sample there.
// Our syncs run in a Chromium without DevTools (bench/plain-chromium.ts), as in a person's
// browser; FIRST_SYNC_DEVTOOLS=1 (and FIRST_SYNC_TRACE, which needs it) runs them in Playwright's.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startGitRemote } from '../server/git-remote.ts';
import { gitAsync, makeTempDir, removeTempDir } from '../test/support/git-cli.ts';
import type { FirstSyncPhases, TimedFirstSync } from './page/first-sync.ts';
import { realisticRepo, REALISTIC_PLANS, type RealisticPlan } from './realistic-repo.ts';
import { openPlainChromium } from './plain-chromium.ts';
import { browserCpuMs, describeThreads, sampleRendererMemory, sampleThreadCpu, type MemoryPeak } from './renderer-memory.ts';
import { round, series, type Series } from './stats.ts';

/** Our first sync against native git's clone. */
export const FIRST_SYNC_GOAL = 1.5;
/** No main-thread task longer than this, in ms (what keeps typing and painting smooth). */
export const LONG_TASK_BUDGET_MS = 50;
/** Peak renderer memory may grow by twice the pack plus this much. */
export const MEMORY_ALLOWANCE_BYTES = 150 * 1024 * 1024;

/** The figures at one size. */
export interface FirstSyncFigure {
  repository: string;
  commits: number;
  objects: number;
  packBytes: number;
  ours: Series;
  native: Series;
  ratio: number;
  /** Medians of when each step was first seen, in ms from the start (bench/page/first-sync.ts). */
  phases: FirstSyncPhases;
  /** The longest main-thread task over all our samples (0 when none reached 50 ms). */
  longestTaskMs: number;
  /** The longest late tick of a 10 ms timer over all our samples: an upper bound under 50 ms. */
  longestGapMs: number;
  /** Median CPU time (user + system) of all of Chromium's processes over our sync, ms (absent off Linux). */
  chromiumCpuMs?: number;
  /** The largest rise of the renderers' resident memory over a sample, in bytes (absent off Linux). */
  memoryGrowthBytes?: number;
  peakRendererBytes?: number;
}

/** The `firstSync` section of the report. */
export interface FirstSyncReport {
  goal: string;
  /** Which Chromium ran our syncs: one of the bench's own without DevTools, or Playwright's. */
  drivenBy?: 'chromium without devtools' | 'playwright';
  figures: FirstSyncFigure[];
}

/** What FIRST_SYNC_TRACE=<folder> records of each size's last sample: every thread's tasks, V8's GC, IndexedDB. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'blink', 'IndexedDB', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.gc'];

/**
 * How long the bench waits after each of our syncs: its workers linger a second after it (see
 * WORKERS_LINGER_MS in src/sync/unpack/unpack-session.ts), then V8 tears down their heaps, and
 * the repository's files are deleted. Measured next, a native clone would share the cores with
 * that; our next sync would end them at its start (a person's first sync has none to end).
 */
const SETTLE_MS = 1500;

/**
 * Samples per size: the largest takes about 5-10 s a side here. Three at least: the median of two
 * is their mean, which one slow sample (the machine busy elsewhere) carried over the goal. Five of
 * the smallest, whose ~0.5 s samples spread most: its first is also the browser's first sync
 * (worker scripts fetched and compiled, the request's CORS preflight made, ~40-90 ms more).
 */
const SAMPLES: Record<string, number> = { 'book-500': 5, 'book-2500': 3, 'book-7000': 3 };

/** The plans FIRST_SYNC_REPOS names, or all. */
function chosenPlans(): readonly RealisticPlan[] {
  const names = process.env.FIRST_SYNC_REPOS?.split(',').filter(Boolean);
  if (!names) return REALISTIC_PLANS;
  const unknown = names.filter((name) => !REALISTIC_PLANS.some((plan) => plan.name === name));
  if (unknown.length > 0) throw new Error(`FIRST_SYNC_REPOS names ${unknown.join(', ')}; known: ${REALISTIC_PLANS.map(({ name }) => name).join(', ')}`);
  return REALISTIC_PLANS.filter((plan) => names.includes(plan.name));
}

/** `pageUrl`: the bench page's index.html, which `page` (Playwright's) has open. */
export async function runFirstSyncBench(page: Page, playwrightPid: number | undefined, pageUrl: string, progress: (message: string) => void, plans: readonly RealisticPlan[] = chosenPlans()): Promise<FirstSyncReport> {
  const root = makeTempDir('first-sync');
  const dataDir = join(root, 'remotes');
  const remote = await startGitRemote({ dataDir, allowedOrigins: 'any' });
  const figures: FirstSyncFigure[] = [];
  const plain = process.env.FIRST_SYNC_DEVTOOLS || process.env.FIRST_SYNC_TRACE ? undefined : await openPlainChromium(pageUrl);
  const browserPid = plain ? plain.pid : playwrightPid;
  const drivenBy = plain ? 'chromium without devtools' : 'playwright';
  progress(`first sync: ours in ${plain ? 'a Chromium of the bench without DevTools' : "Playwright's Chromium (DevTools attached)"}`);
  try {
    for (const plan of plans) {
      const repo = await realisticRepo(plan, progress);
      await gitAsync(['clone', '-q', '--bare', '--local', repo.dir, join(dataDir, `${plan.name}.git`)]);
      const url = `${remote.url}${plan.name}.git`;
      const ours: TimedFirstSync[] = [];
      const native: number[] = [];
      const cpu: number[] = [];
      let memory: MemoryPeak | undefined;
      const samples = SAMPLES[plan.name] ?? 3;
      for (let run = 0; run < samples; run++) {
        const oursRun = async () => {
          const stop = sampleRendererMemory(browserPid);
          const cpuBefore = browserCpuMs(browserPid);
          const threads = process.env.FIRST_SYNC_THREADS ? sampleThreadCpu(browserPid) : undefined;
          const trace = process.env.FIRST_SYNC_TRACE && run === samples - 1 ? join(process.env.FIRST_SYNC_TRACE, `${plan.name}.json`) : undefined;
          if (trace) await page.context().browser()?.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
          const name = `first-${plan.name}-${run}`;
          const timed = plain ? await plain.firstSync(name, url) : await page.evaluate((args) => window.bench.firstSync(args.name, args.url), { name, url });
          if (trace) await page.context().browser()?.stopTracing();
          const cpuAfter = browserCpuMs(browserPid);
          const busiest = threads?.().slice(0, 10);
          if (busiest) progress(`threads over ${plan.name} ${run + 1}: ${describeThreads(busiest)}`);
          if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push(cpuAfter - cpuBefore);
          const peak = stop();
          if (timed.kind !== 'pulled' || timed.head !== repo.head) throw new Error(`first sync of ${plan.name} gave ${timed.kind} ${timed.head}, expected ${repo.head}`);
          if (peak && (!memory || peak.peakBytes - peak.startBytes > memory.peakBytes - memory.startBytes)) memory = peak;
          ours.push(timed);
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        };
        const nativeRun = async () => {
          const clone = join(root, `clone-${plan.name}-${run}.git`);
          const started = performance.now();
          await gitAsync(['clone', '-q', '--bare', url, clone]);
          native.push(performance.now() - started);
          removeTempDir(clone);
        };
        if (run % 2 === 0) await oursRun().then(nativeRun);
        else await nativeRun().then(oursRun);
        const last = ours.at(-1) as TimedFirstSync;
        const { firstBytesMs, receivedMs, storedMs } = last.phases;
        progress(
          `first sync ${plan.name} ${run + 1}/${samples}: ours ${round(last.ms, 0)} ms (${last.chunks} chunks; first bytes at ${round(firstBytesMs, 0)}, all received and checked at ${round(receivedMs, 0)}, ` +
            `stored at ${round(storedMs, 0)}; longest task ${last.longestTaskMs} ms, gap ${last.longestGapMs} ms${cpu.length > run ? `, Chromium CPU ${cpu.at(-1)} ms` : ''}), native clone ${round(native.at(-1) as number, 0)} ms`,
        );
      }
      const oursSeries = series(ours.map(({ ms }) => ms), 1);
      const nativeSeries = series(native, 1);
      figures.push({
        repository: plan.name,
        commits: repo.commits,
        objects: ours[0]?.objects ?? 0,
        packBytes: repo.packBytes,
        ours: oursSeries,
        native: nativeSeries,
        ratio: round(oursSeries.median / nativeSeries.median, 2),
        phases: {
          firstBytesMs: series(ours.map(({ phases }) => phases.firstBytesMs), 1).median,
          receivedMs: series(ours.map(({ phases }) => phases.receivedMs), 1).median,
          storedMs: series(ours.map(({ phases }) => phases.storedMs), 1).median,
        },
        longestTaskMs: Math.max(...ours.map(({ longestTaskMs }) => longestTaskMs)),
        longestGapMs: Math.max(...ours.map(({ longestGapMs }) => longestGapMs)),
        ...(cpu.length > 0 ? { chromiumCpuMs: series(cpu, 1).median } : {}),
        ...(memory ? { memoryGrowthBytes: memory.peakBytes - memory.startBytes, peakRendererBytes: memory.peakBytes } : {}),
      });
    }
    return { goal: `ours / native git clone <= ${FIRST_SYNC_GOAL}; longest main-thread task <= ${LONG_TASK_BUDGET_MS} ms; renderer memory growth <= 2 x pack + 150 MB`, drivenBy, figures };
  } finally {
    await plain?.close();
    await remote.close();
    removeTempDir(root);
  }
}
