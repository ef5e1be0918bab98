// The page's half of the sync bench: fills a store with bench/fixture.ts's content, makes its
// single-item changes, and times `sync` against the local git remote (reached over CORS). Each
// timed sync also records a trace: when each request left and came back (a wrapper around
// `fetch`) and when sync reported each phase (its `onProgress`), cheap enough to keep on. A
// profiled sync (not one of the timed ones) also times every call sync makes into the store.
import { deleteRepo, openRepo, type Repo } from '../../src/store/index.ts';
import { exportBundle, importBundle, sync, type SyncProgress } from '../../src/sync/index.ts';
import { watchMainThread } from './main-thread-watch.ts';
import { BENCH_AUTHOR, fillBatches, itemChange, itemJson, itemPath, seededIds } from '../fixture.ts';

/** One step of a timed sync: what ended it and how long it took since the step before, in ms. */
export interface TraceStep {
  step: string;
  ms: number;
}

/** One timed sync. */
export interface TimedSync {
  ms: number;
  kind: string;
  head: string | undefined;
  /** Consecutive steps, from the call to the result; their `ms` add up to `ms`. */
  trace: TraceStep[];
  /** Only when profiled: each store method sync called, how often, its total time and items. */
  storeCalls?: StoreCallStat[];
  /** The longest main-thread task during the sync (0: none reached 50 ms). */
  longestTaskMs: number;
}

/** An export of a repository's bundle and its import into an empty one, timed and watched. */
export interface TimedBundle {
  exportMs: number;
  importMs: number;
  bytes: number;
  exportLongestTaskMs: number;
  importLongestTaskMs: number;
  /** How many tasks of 50 ms or more each had: on a loaded machine the longest alone is noisy. */
  exportLongTasks: number;
  importLongTasks: number;
}

/** The calls sync made to one store method during a profiled sync. */
export interface StoreCallStat {
  method: string;
  calls: number;
  /** Wall time from call to settled, summed (calls sync awaits one by one do not overlap). */
  ms: number;
  /** Ids or objects passed in arrays (objects.missing, objects.write), summed. */
  items: number;
}

/** What the page offers the driver for sync. */
export interface SyncBenchPage {
  /** Opens a fresh repository `name` and commits `count` seeded items in batches; ms taken and the head. */
  syncFill(name: string, count: number, seed: number, batch: number): Promise<{ ms: number; head: string | undefined }>;
  /** Commits fixture change number `index` (one item) on `name`; returns the new head. */
  syncChange(name: string, index: number): Promise<string>;
  /** The head of `name`'s main branch. */
  syncHead(name: string): Promise<string | undefined>;
  /**
   * Times one `sync(repo, { url })`; `reopen` first closes and reopens the repository (cold
   * caches); `profile` times every store call too (slower: for a breakdown, not for the figures).
   */
  syncTime(name: string, url: string, reopen: boolean, profile?: boolean): Promise<TimedSync>;
  /** Exports `name`'s bundle and imports it into a new, empty database (deleted afterwards). */
  bundleTime(name: string): Promise<TimedBundle>;
}

interface Filled {
  repo: Repo;
  ids: string[];
}

const repos = new Map<string, Filled>();

const open = (name: string): Promise<Repo> => openRepo({ name, author: { ...BENCH_AUTHOR } });

function filledRepo(name: string): Filled {
  const state = repos.get(name);
  if (!state) throw new Error(`syncFill ${name} first`);
  return state;
}

async function syncFill(name: string, count: number, seed: number, batch: number): Promise<{ ms: number; head: string | undefined }> {
  const started = performance.now();
  const repo = await open(name);
  const ids = seededIds(count, seed);
  const branch = await repo.branch('main');
  for (const { ids: slice, message, seconds } of fillBatches(ids, batch)) {
    await branch.transaction(
      (tx) => {
        for (const id of slice) tx.set(itemPath(id), itemJson(id, 0));
      },
      { message, date: new Date(seconds * 1000) },
    );
  }
  repos.set(name, { repo, ids });
  return { ms: performance.now() - started, head: await branch.head() };
}

async function syncChange(name: string, index: number): Promise<string> {
  const { repo, ids } = filledRepo(name);
  const change = itemChange(ids, index);
  const branch = await repo.branch('main');
  return branch.set(itemPath(change.id), itemJson(change.id, change.revision), {
    message: change.message,
    date: new Date(change.seconds * 1000),
  });
}

async function syncHead(name: string): Promise<string | undefined> {
  return (await filledRepo(name).repo.branch('main')).head();
}

/** Milestones of one sync, in order: `[label, performance.now()]`. */
type Milestones = Array<[string, number]>;

/** Describes a request by its method and the git service it talks to. */
function describeRequest(input: RequestInfo | URL, init: RequestInit | undefined): string {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const service = url.searchParams.get('service') ?? url.pathname.split('/').at(-1) ?? '';
  return `${method} ${url.pathname.endsWith('/info/refs') ? 'info/refs ' : ''}${service}`;
}

/** Runs `body` with `fetch` wrapped so each request's departure and answer are milestones. */
async function withFetchTrace<T>(milestones: Milestones, body: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const what = describeRequest(input, init);
    milestones.push([`${what}: sent`, performance.now()]);
    const response = await original(input, init);
    milestones.push([`${what}: answer head`, performance.now()]);
    return response;
  };
  try {
    return await body();
  } finally {
    globalThis.fetch = original;
  }
}

/** Consecutive milestones as steps; runs of byte-progress events collapse into their last. */
function toSteps(started: number, milestones: Milestones, ended: number): TraceStep[] {
  const kept: Milestones = [];
  for (const milestone of milestones) {
    const last = kept.at(-1);
    if (last && last[0] === milestone[0]) last[1] = milestone[1];
    else kept.push([...milestone]);
  }
  kept.push(['result', ended]);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  let previous = started;
  return kept.map(([step, at]) => {
    const ms = round(at - previous);
    previous = at;
    return { step, ms };
  });
}

/** Wraps `target` so each method call adds its time to `stats`; `objects`, `refs` and branches too. */
function timeCalls<T extends object>(target: T, prefix: string, stats: Map<string, StoreCallStat>): T {
  const record = (method: string, started: number, items: number) => {
    const stat = stats.get(method) ?? { method, calls: 0, ms: 0, items: 0 };
    stat.calls++;
    stat.ms += performance.now() - started;
    stat.items += items;
    stats.set(method, stat);
  };
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key);
      if ((key === 'objects' || key === 'refs' || key === 'graph') && typeof value === 'object' && value !== null) {
        return timeCalls(value, `${prefix}${key}.`, stats);
      }
      if (typeof value !== 'function') return value;
      const method = `${prefix}${String(key)}`;
      return (...args: unknown[]) => {
        const items = Array.isArray(args[0]) ? args[0].length : 0;
        const started = performance.now();
        const result: unknown = value.apply(object, args);
        if (!(result instanceof Promise)) {
          record(method, started, items);
          return result;
        }
        return result.then((settled: unknown) => {
          record(method, started, items);
          return settled;
        });
      };
    },
  });
}

async function syncTime(name: string, url: string, reopen: boolean, profile = false): Promise<TimedSync> {
  const state = filledRepo(name);
  if (reopen) {
    await state.repo.close();
    state.repo = await open(name);
  }
  const milestones: Milestones = [];
  const onProgress = (progress: SyncProgress): void => {
    // "receiving" reports bytes as they arrive: its last report is when a body was complete.
    const label = progress.phase === 'remote'
      ? 'remote progress messages'
      : progress.phase === 'receiving'
        ? 'body received'
        : progress.loaded === 0
          ? `${progress.phase} (start)`
          : `${progress.phase} (${progress.loaded}/${progress.total ?? '?'})`;
    milestones.push([label, performance.now()]);
  };
  const stats = new Map<string, StoreCallStat>();
  const store = profile ? timeCalls(state.repo.git, 'git.', stats) : state.repo.git;
  const watch = watchMainThread();
  const started = performance.now();
  const result = await withFetchTrace(milestones, () => sync(store, { url, onProgress }));
  const ended = performance.now();
  const { longestTaskMs } = watch();
  if (result.kind === 'failed') throw result.error;
  const timed: TimedSync = { ms: ended - started, kind: result.kind, head: result.head, trace: toSteps(started, milestones, ended), longestTaskMs };
  if (profile) {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    timed.storeCalls = [...stats.values()].map((stat) => ({ ...stat, ms: round(stat.ms) })).sort((a, b) => b.ms - a.ms);
  }
  return timed;
}

async function bundleTime(name: string): Promise<TimedBundle> {
  const { repo } = filledRepo(name);
  let watch = watchMainThread();
  let started = performance.now();
  const bytes = await exportBundle(repo.git);
  const exportMs = performance.now() - started;
  const { longestTaskMs: exportLongestTaskMs, longTasks: exportLongTasks } = watch();
  const target = `${name}-imported`;
  const fresh = await openRepo({ name: target });
  watch = watchMainThread();
  started = performance.now();
  await importBundle(fresh.git, bytes);
  const importMs = performance.now() - started;
  const { longestTaskMs: importLongestTaskMs, longTasks: importLongTasks } = watch();
  await fresh.close();
  await deleteRepo(target);
  return { exportMs, importMs, bytes: bytes.length, exportLongestTaskMs, importLongestTaskMs, exportLongTasks, importLongTasks };
}

export const syncBench: SyncBenchPage = { syncFill, syncChange, syncHead, syncTime, bundleTime };
