// The page's half of the first-sync bench: a fresh, empty store syncs a whole repository from
// the local git remote, timed, with the main thread watched; then the database is deleted so
// the next sample starts from nothing (and the disk is not filled by samples).
import { deleteRepo, openRepo } from '../../src/store/index.ts';
import { sync, type SyncProgress } from '../../src/sync/index.ts';
import { watchMainThread, type MainThreadReport } from './main-thread-watch.ts';

/** One timed first sync. */
export interface TimedFirstSync extends MainThreadReport {
  ms: number;
  kind: string;
  head: string | undefined;
  /** Objects stored, from the last progress report. */
  objects: number;
  /** Where the time went, in ms from the start (see {@link FirstSyncPhases}). */
  phases: FirstSyncPhases;
  /** Pieces the answer's body came in (each one a read on the page and a message to the worker). */
  chunks: number;
}

/**
 * When each step of a first sync was first seen, in ms from its start: the answer's first
 * bytes (the ref advertisement, the request and the server's packing before them), every
 * object received and checked, every object stored, and the end (the objects shown, the ref
 * moved, the branch checked out).
 */
export interface FirstSyncPhases {
  firstBytesMs: number;
  receivedMs: number;
  storedMs: number;
}

/** What the page offers the driver for first syncs. */
export interface FirstSyncPage {
  /** Syncs `url` into a new database `name` (deleted afterwards). */
  firstSync(name: string, url: string): Promise<TimedFirstSync>;
}

async function firstSync(name: string, url: string): Promise<TimedFirstSync> {
  await deleteRepo(name);
  const repo = await openRepo({ name });
  let objects = 0;
  let chunks = 0;
  let loaded = 0;
  const phases: FirstSyncPhases = { firstBytesMs: 0, receivedMs: 0, storedMs: 0 };
  const stop = watchMainThread();
  const started = performance.now();
  const onProgress = (progress: SyncProgress): void => {
    if (progress.phase === 'remote') return;
    if (progress.phase === 'receiving' && progress.loaded > loaded) {
      chunks++;
      loaded = progress.loaded;
    }
    if (!progress.objects) return;
    const at = performance.now() - started;
    const { received, resolved, stored, total } = progress.objects;
    if (phases.firstBytesMs === 0) phases.firstBytesMs = at;
    if (total !== undefined && resolved === total && received === total && phases.receivedMs === 0) phases.receivedMs = at;
    if (total !== undefined && stored === total && phases.storedMs === 0) phases.storedMs = at;
    objects = stored || objects;
  };
  try {
    const result = await sync(repo.git, { url, onProgress });
    const ms = performance.now() - started;
    if (result.kind === 'failed') throw result.error;
    return { ms, kind: result.kind, head: result.head, objects, phases, chunks, ...stop() };
  } finally {
    await repo.close();
    await deleteRepo(name);
  }
}

export const firstSyncBench: FirstSyncPage = { firstSync };
