// The page's half of the first-sync bench: a fresh, empty store syncs a whole repository from
// the local git remote, timed, with the main thread watched; then the database is deleted so
// the next sample starts from nothing (and the disk is not filled by samples).
import { openRepo } from '../../src/store/index.ts';
import { sync } from '../../src/sync/index.ts';
import { watchMainThread, type MainThreadReport } from './main-thread-watch.ts';

/** One timed first sync. */
export interface TimedFirstSync extends MainThreadReport {
  ms: number;
  kind: string;
  head: string | undefined;
  /** Objects stored, from the last progress report. */
  objects: number;
}

/** What the page offers the driver for first syncs. */
export interface FirstSyncPage {
  /** Syncs `url` into a new database `name` (deleted afterwards). */
  firstSync(name: string, url: string): Promise<TimedFirstSync>;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function firstSync(name: string, url: string): Promise<TimedFirstSync> {
  await deleteDatabase(name);
  const repo = await openRepo({ name });
  let objects = 0;
  const stop = watchMainThread();
  const started = performance.now();
  try {
    const result = await sync(repo.git, { url, onProgress: (progress) => void (objects = ('objects' in progress && progress.objects?.stored) || objects) });
    const ms = performance.now() - started;
    if (result.kind === 'failed') throw result.error;
    return { ms, kind: result.kind, head: result.head, objects, ...stop() };
  } finally {
    await repo.close();
    await deleteDatabase(name);
  }
}

export const firstSyncBench: FirstSyncPage = { firstSync };
