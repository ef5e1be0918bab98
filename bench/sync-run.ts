// The sync half of `npm run bench`: our `sync` in the page against native git in the same run, on
// the same content (bench/fixture.ts), through the same local git remote (server/git-remote.ts,
// real `git http-backend`, 127.0.0.1). Three measures, each `{ ours, native, ratio }` in ms:
//   initialPush      a 10,000-item store (10 commits of 1,000 items) to an empty repository;
//   incrementalPush  one commit changing one item, on top of that;
//   pull             1,000 commits (one item each) made with git fast-import and pushed by
//                    another clone, into a device that was in sync before them.
// Plus isomorphic-git's push of the same content from Node, as a reference only. A measure whose
// ratio misses the goal gets one more, profiled, run of ours (store calls timed, Chromium's CPU
// profile taken), kept apart from the timed figures, to say where the time goes.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startGitRemote, type GitRemote } from '../server/git-remote.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import { seededIds } from './fixture.ts';
import { startCpuProfile, startLongTaskProfile, type CpuSummary, type LongTaskProfile, type ModuleOf } from './cpu-profile.ts';
import { LONG_TASK_BUDGET_MS } from './first-sync-run.ts';
import { timeIsogitPush, type IsogitPush } from './isogit-push.ts';
import { cloneWriter, commitNativeChange, copyRepository, createNativeWorkTree, fastImportChanges, headOf, timeGit } from './native-git.ts';
import type { StoreCallStat, TimedSync, TraceStep } from './page/sync-bench.ts';
import { round, series, type Series } from './stats.ts';

/** How big and how often; the whole sync bench takes about a minute here. */
export const SYNC_PLAN = {
  items: 10_000,
  /** Items per commit of the initial content. */
  batch: 1000,
  seed: 20_250_101,
  /** Initial pushes, each to a fresh empty repository (ours with a freshly reopened store). */
  initialPushes: 3,
  /** Untimed single-commit pushes before the timed ones, so first-use costs are not sampled. */
  incrementalWarmup: 2,
  incrementalPushes: 20,
  /** Pulls, each of `pullCommits` new remote commits on top of the previous pull. */
  pulls: 3,
  pullCommits: 1000,
  /** Cap of the isomorphic-git reference push. */
  isogitCapMs: 60_000,
} as const;

/**
 * `--main-thread-only`: the main-thread lines with as little else as they need: one initial push
 * and one incremental (to set up the remote), the same pulls (so the exported history is the
 * same), no isomorphic-git reference and no profiles of the push and pull timings.
 */
const MAIN_THREAD_PLAN = { ...SYNC_PLAN, initialPushes: 1, incrementalWarmup: 0, incrementalPushes: 1 } as const;

/** The ratio we aim for: ours at most twice native git's time. */
export const SYNC_GOAL = 2;

/** One measure: our median against native git's. */
export interface SyncFigure {
  ours: Series;
  native: Series;
  /** ours.median / native.median */
  ratio: number;
  met: boolean;
  /** Where our time went in the run nearest our median: consecutive steps of `sync`, in ms. */
  oursTrace: TraceStep[];
  /** Only when the goal is missed: one more run of ours, profiled (so slower than the figures). */
  profile?: SyncProfile;
}

/** One profiled run of our sync: its steps, its calls into the store, and its CPU profile. */
export interface SyncProfile {
  ms: number;
  trace: TraceStep[];
  storeCalls: StoreCallStat[];
  cpu: CpuSummary;
}

/** The `sync` section of the report. */
export interface SyncReport {
  items: number;
  commitsOfInitialContent: number;
  goal: string;
  /**
   * Whether the sides hold byte-identical histories (same head ids): the store and native git
   * after the fill and after the single-item changes.
   */
  identicalHeads: { afterFill: boolean; afterChanges: boolean };
  initialPush: SyncFigure & { samples: number };
  incrementalPush: SyncFigure & { samples: number; warmup: number };
  pull: SyncFigure & { samples: number; commits: number; longestTaskMs?: number };
  /** A fresh device's first sync of the whole 10,000-item repository, against native git clone. */
  firstSync?: { ours: Series; native: Series; ratio: number; longestTaskMs: number };
  /** Export of that repository's bundle and its import into an empty store. */
  bundle?: { exportMs: number; importMs: number; bytes: number; exportLongestTaskMs: number; importLongestTaskMs: number; exportLongTasks?: number; importLongTasks?: number };
  isomorphicGitReference: IsogitPush & { note: string };
  /**
   * For each main-thread measure over its budget: one more run, profiled, with each long task
   * it had and the functions that held the thread in it.
   */
  mainThreadProfiles?: Array<{ measure: string; tasks: LongTaskProfile[] }>;
}

function figure(ours: readonly TimedSync[], native: readonly number[]): SyncFigure {
  const oursSeries = series(ours.map((run) => run.ms));
  const nativeSeries = series(native);
  const ratio = round(oursSeries.median / nativeSeries.median, 2);
  const nearest = [...ours].sort((a, b) => Math.abs(a.ms - oursSeries.median) - Math.abs(b.ms - oursSeries.median))[0];
  return { ours: oursSeries, native: nativeSeries, ratio, met: ratio <= SYNC_GOAL, oursTrace: nearest?.trace ?? [] };
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(`sync bench: ${message}`);
}

/**
 * Creates `<name>.git` in the remote's folder before anything is timed (the remote itself would
 * create it during the first push, inside the timed run).
 */
async function provision(remote: GitRemote, dataDir: string, name: string): Promise<string> {
  await gitAsync(['init', '--quiet', '--bare', '-b', 'main', join(dataDir, `${name}.git`)]);
  return `${remote.url}${name}.git`;
}

/** One profiled sync of `name` with `url`, with Chromium's CPU profiler running. */
async function profileSync(page: Page, moduleOf: ModuleOf | undefined, name: string, url: string, reopen: boolean): Promise<SyncProfile> {
  const stop = await startCpuProfile(page, moduleOf);
  const timed = await page.evaluate((args) => window.bench.syncTime(args.name, args.url, args.reopen, true), { name, url, reopen });
  const cpu = await stop();
  return { ms: round(timed.ms, 1), trace: timed.trace, storeCalls: timed.storeCalls ?? [], cpu };
}

/**
 * Runs the sync bench, driving `page` (the bench page, already loaded) for our side; `moduleOf`
 * names the source module of a position in the page's bundle, for the CPU profiles.
 */
export async function runSyncBench(page: Page, progress: (message: string) => void, moduleOf?: ModuleOf, mainThreadOnly = false): Promise<SyncReport> {
  const plan = mainThreadOnly ? MAIN_THREAD_PLAN : SYNC_PLAN;
  const root = makeTempDir('bench-sync');
  const dataDir = join(root, 'remote');
  const remote = await startGitRemote({ dataDir, port: 0, allowedOrigins: 'any', onError: (error) => progress(`remote error: ${error.message}`) });
  try {
    const name = `sync-${plan.items}`;
    const ids = seededIds(plan.items, plan.seed);
    const nativeDir = join(root, 'native');
    const timeSync = (url: string, reopen: boolean) =>
      page.evaluate((args) => window.bench.syncTime(args.name, args.url, args.reopen), { name, url, reopen });
    const pageHead = () => page.evaluate((repo) => window.bench.syncHead(repo), name);

    progress(`sync: filling the store and a native work tree with ${plan.items} items in commits of ${plan.batch}`);
    const filled = await page.evaluate((args) => window.bench.syncFill(args.name, args.items, args.seed, args.batch), {
      name,
      items: plan.items,
      seed: plan.seed,
      batch: plan.batch,
    });
    const nativeStarted = performance.now();
    const nativeHead = await createNativeWorkTree(nativeDir, ids, plan.batch);
    const identicalHistories = filled.head === nativeHead;
    const isogitDir = join(root, 'isomorphic-git');
    await copyRepository(nativeDir, isogitDir); // see isogit-push.ts
    progress(
      `sync: store filled in ${round(filled.ms, 0)} ms, native in ${round(performance.now() - nativeStarted, 0)} ms; ` +
        `heads ${identicalHistories ? 'identical' : `differ (store ${filled.head}, git ${nativeHead})`}`,
    );

    // 1. Initial push, each time to fresh empty repositories; the two sides take turns going first.
    const initialOurs: TimedSync[] = [];
    const initialNative: number[] = [];
    let oursUrl = '';
    let nativeUrl = '';
    for (let run = 0; run < plan.initialPushes; run++) {
      oursUrl = await provision(remote, dataDir, `ours-${run}`);
      nativeUrl = await provision(remote, dataDir, `native-${run}`);
      const ours = async () => {
        const timed = await timeSync(oursUrl, true);
        expect(timed.kind === 'pushed' && timed.head === filled.head, `initial push gave ${timed.kind} ${timed.head}`);
        initialOurs.push(timed);
      };
      const native = async () => {
        initialNative.push(await timeGit(['push', '-q', nativeUrl, 'main'], nativeDir));
      };
      if (run % 2 === 0) await ours().then(native);
      else await native().then(ours);
      progress(`sync: initial push ${run + 1}/${plan.initialPushes}: ours ${round(initialOurs.at(-1)!.ms, 0)} ms, native ${round(initialNative.at(-1)!, 0)} ms`);
    }

    const initialPush = figure(initialOurs, initialNative);
    if (!initialPush.met && !mainThreadOnly) {
      progress('sync: initial push misses the goal: one more, profiled');
      initialPush.profile = await profileSync(page, moduleOf, name, await provision(remote, dataDir, 'ours-profiled'), true);
    }

    // 2. Incremental push of one commit, on the last pair of repositories.
    const incrementalOurs: TimedSync[] = [];
    const incrementalNative: number[] = [];
    let change = 0;
    for (let run = 0; run < plan.incrementalWarmup + plan.incrementalPushes; run++, change++) {
      const head = await page.evaluate((args) => window.bench.syncChange(args.name, args.change), { name, change });
      await commitNativeChange(nativeDir, ids, change);
      const ours = await timeSync(oursUrl, false);
      expect(ours.kind === 'pushed' && ours.head === head, `incremental push gave ${ours.kind}`);
      const native = await timeGit(['push', '-q', nativeUrl, 'main'], nativeDir);
      if (run < plan.incrementalWarmup) continue;
      incrementalOurs.push(ours);
      incrementalNative.push(native);
    }
    const incrementalPush = figure(incrementalOurs, incrementalNative);
    if (!incrementalPush.met && !mainThreadOnly) {
      progress('sync: incremental push misses the goal: one more, profiled');
      await page.evaluate((args) => window.bench.syncChange(args.name, args.change), { name, change });
      await commitNativeChange(nativeDir, ids, change++);
      await timeGit(['push', '-q', nativeUrl, 'main'], nativeDir);
      incrementalPush.profile = await profileSync(page, moduleOf, name, oursUrl, false);
    }
    progress(`sync: incremental push: ours ${incrementalPush.ours.median} ms, native ${incrementalPush.native.median} ms (medians of ${plan.incrementalPushes})`);
    const incrementalIdentical = (await pageHead()) === (await headOf(nativeDir));

    // 3. Pull of commits made elsewhere with git fast-import and pushed by that clone.
    const writers = { ours: join(root, 'writer-ours.git'), native: join(root, 'writer-native.git') };
    await cloneWriter(join(dataDir, `ours-${plan.initialPushes - 1}.git`), writers.ours);
    await cloneWriter(join(dataDir, `native-${plan.initialPushes - 1}.git`), writers.native);
    const pullOurs: TimedSync[] = [];
    const pullNative: number[] = [];
    for (let run = 0; run < plan.pulls; run++) {
      const first = 1000 + run * plan.pullCommits;
      const oursHead = await fastImportChanges(writers.ours, ids, first, plan.pullCommits);
      const nativeHeadNext = await fastImportChanges(writers.native, ids, first, plan.pullCommits);
      await timeGit(['push', '-q', oursUrl, 'main'], writers.ours);
      await timeGit(['push', '-q', nativeUrl, 'main'], writers.native);
      const ours = async () => {
        const timed = await timeSync(oursUrl, false);
        expect(timed.kind === 'pulled' && timed.head === oursHead, `pull gave ${timed.kind} ${timed.head}, expected ${oursHead}`);
        pullOurs.push(timed);
      };
      const native = async () => {
        pullNative.push(await timeGit(['pull', '--ff-only', '-q', nativeUrl, 'main'], nativeDir));
        expect((await headOf(nativeDir)) === nativeHeadNext, 'native pull did not reach the remote head');
      };
      if (run % 2 === 0) await ours().then(native);
      else await native().then(ours);
      progress(`sync: pull ${run + 1}/${plan.pulls} of ${plan.pullCommits} commits: ours ${round(pullOurs.at(-1)!.ms, 0)} ms, native ${round(pullNative.at(-1)!, 0)} ms`);
    }

    const pull = figure(pullOurs, pullNative);
    let nextPullFirst = 1000 + plan.pulls * plan.pullCommits;
    /** Makes one more batch of remote commits for an untimed pull. */
    const moreRemoteCommits = async (): Promise<void> => {
      await fastImportChanges(writers.ours, ids, nextPullFirst, plan.pullCommits);
      nextPullFirst += plan.pullCommits;
      await timeGit(['push', '-q', oursUrl, 'main'], writers.ours);
    };
    if (!pull.met && !mainThreadOnly) {
      progress(`sync: pull misses the goal: one more of ${plan.pullCommits} commits, profiled`);
      await moreRemoteCommits();
      pull.profile = await profileSync(page, moduleOf, name, oursUrl, false);
    }
    const pullLongest = Math.max(...pullOurs.map(({ longestTaskMs }) => longestTaskMs));

    // A fresh device's first sync of the whole repository, and the bundle export and import.
    const firstOurs: number[] = [];
    const firstNative: number[] = [];
    let firstLongest = 0;
    for (let run = 0; run < 2; run++) {
      const timed = await page.evaluate((args) => window.bench.firstSync(args.name, args.url), { name: `${name}-first-${run}`, url: oursUrl });
      firstOurs.push(timed.ms);
      firstLongest = Math.max(firstLongest, timed.longestTaskMs);
      const clone = join(root, `clone-${run}.git`);
      firstNative.push(await timeGit(['clone', '-q', '--bare', nativeUrl, clone], root));
    }
    const firstSync = { ours: series(firstOurs, 1), native: series(firstNative, 1), ratio: round(series(firstOurs).median / series(firstNative).median, 2), longestTaskMs: firstLongest };
    progress(`sync: first sync of ${plan.items} items: ours ${firstSync.ours.median} ms (longest task ${firstLongest} ms), native clone ${firstSync.native.median} ms`);
    const bundle = await page.evaluate((repo) => window.bench.bundleTime(repo), name);
    progress(
      `sync: bundle export ${round(bundle.exportMs, 0)} ms (longest task ${bundle.exportLongestTaskMs} ms, ${bundle.exportLongTasks} tasks of 50 ms or more), ` +
        `import ${round(bundle.importMs, 0)} ms (longest task ${bundle.importLongestTaskMs} ms, ${bundle.importLongTasks} tasks of 50 ms or more)`,
    );

    // Where the main thread was held, for each measure over its budget: one more run, profiled.
    const mainThreadProfiles: NonNullable<SyncReport['mainThreadProfiles']> = [];
    const profileTasks = async (measure: string, run: () => Promise<unknown>): Promise<void> => {
      const stop = await startLongTaskProfile(page, moduleOf);
      await run();
      const tasks = await stop();
      mainThreadProfiles.push({ measure, tasks });
      const described = tasks.map((task) => `${task.ms} ms task: ${task.functions.slice(0, 8).map((f) => `${f.function} ${f.ms}`).join(', ')}`);
      progress(`sync: ${measure}, profiled: ${described.length > 0 ? described.join('; ') : 'no task of 50 ms or more this time'}`);
    };
    const over = (ms: number): boolean => ms > LONG_TASK_BUDGET_MS;
    if (over(pullLongest)) {
      await moreRemoteCommits();
      await profileTasks('pull of 1,000 commits', () => timeSync(oursUrl, false));
    }
    if (over(firstLongest)) await profileTasks('first sync', () => page.evaluate((args) => window.bench.firstSync(args.name, args.url), { name: `${name}-first-profiled`, url: oursUrl }));
    if (over(bundle.exportLongestTaskMs) || over(bundle.importLongestTaskMs)) await profileTasks('bundle export and import', () => page.evaluate((repo) => window.bench.bundleTime(repo), name));

    // Reference: isomorphic-git's push of the same content from Node.
    progress(mainThreadOnly ? 'sync: no isomorphic-git reference push (--main-thread-only)' : `sync: isomorphic-git reference push (cap ${plan.isogitCapMs / 1000} s)`);
    const isogitUrl = await provision(remote, dataDir, 'isomorphic-git');
    const isogit: IsogitPush = mainThreadOnly ? { pushMs: 0, capped: false, error: 'not run (--main-thread-only)' } : await timeIsogitPush(isogitDir, isogitUrl, plan.isogitCapMs);
    if (!isogit.capped && !isogit.error) {
      const landed = (await gitAsync(['ls-remote', isogitUrl, 'refs/heads/main'])).split('\t')[0];
      expect(landed === nativeHead, `isomorphic-git's push left the remote at ${landed}, not ${nativeHead}`);
    }
    progress(`sync: isomorphic-git push ${round(isogit.pushMs, 0)} ms${isogit.capped ? ' (capped)' : ''}${isogit.error ? `: ${isogit.error}` : ''}`);

    return {
      items: plan.items,
      commitsOfInitialContent: Math.ceil(plan.items / plan.batch),
      goal: `ours / native <= ${SYNC_GOAL}`,
      identicalHeads: { afterFill: identicalHistories, afterChanges: incrementalIdentical },
      initialPush: { samples: plan.initialPushes, ...initialPush },
      incrementalPush: { samples: plan.incrementalPushes, warmup: plan.incrementalWarmup, ...incrementalPush },
      pull: { samples: plan.pulls, commits: plan.pullCommits, ...pull, longestTaskMs: pullLongest },
      firstSync,
      bundle: { ...bundle, exportMs: round(bundle.exportMs, 1), importMs: round(bundle.importMs, 1) },
      ...(mainThreadProfiles.length > 0 ? { mainThreadProfiles } : {}),
      isomorphicGitReference: {
        ...isogit,
        pushMs: round(isogit.pushMs, 1),
        note:
          'Reference only, not a goal: isomorphic-git 1.x pushing the same 10,000-item history (native git\'s fill, copied) ' +
          'from Node (node:fs, http/node) to an empty repository.',
      },
    };
  } finally {
    await remote.close();
    removeTempDirs();
  }
}
