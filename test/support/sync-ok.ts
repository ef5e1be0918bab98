// A sync that a test expects to succeed: its success outcome, or a failed test naming the
// error (sync itself never throws; it returns `{ kind: 'failed', error }`).
import type { GitStore } from '../../src/store/index.ts';
import { sync, type SyncError, type SyncOptions, type SyncSuccess } from '../../src/sync/index.ts';

/** Syncs and returns the success; throws the SyncError of a failed sync so the test fails with its words. */
export async function syncOk(store: GitStore, options: SyncOptions): Promise<SyncSuccess> {
  const outcome = await sync(store, options);
  if (outcome.kind === 'failed') throw outcome.error;
  return outcome;
}

/** Syncs and returns the typed error of a sync the test expects to fail; throws if it succeeded. */
export async function syncFailure(store: GitStore, options: SyncOptions): Promise<SyncError> {
  const outcome = await sync(store, options);
  if (outcome.kind !== 'failed') throw new Error(`the sync was expected to fail, but it ended ${outcome.kind}`);
  return outcome.error;
}
