import type { GitStore, ObjectImport, Oid } from '../store/index.ts';
import { prestartUnpack, type PrestartedUnpack } from './unpack/unpack-session.ts';

/** How many commits to name as "have": the known remote head, then our newest. */
const MAX_HAVES = 32;

/**
 * What a fetch needs that does not depend on the remote's answer: the commits to offer as
 * "have", the bytes this site may still store, the import its objects go into, and its workers
 * when they were started ahead. Each is a round trip to IndexedDB or the browser; they are made
 * at once, and a first sync makes them while the remote is asked what it holds.
 */
export interface FetchStart {
  readonly haves: readonly Oid[];
  /** Bytes this site may still store, when the browser says. */
  readonly available: number | undefined;
  readonly imported: ObjectImport;
  readonly prestarted: PrestartedUnpack | undefined;
}

/**
 * Starts what a fetch of `ref` needs (see {@link FetchStart}), `known` being the remote head last
 * fetched (the tracking ref). On a failure, ends what it started: `prestarted`, the import.
 */
export async function startFetch(store: GitStore, ref: string, known: Oid | undefined, prestarted?: PrestartedUnpack): Promise<FetchStart> {
  const importing = store.objects.beginImport();
  try {
    const [imported, haves, available] = await Promise.all([importing, listHaves(store, ref, known), availableStorage()]);
    return { haves, available, imported, prestarted };
  } catch (error) {
    prestarted?.release();
    await importing.then((imported) => imported.abort(), () => undefined);
    throw error;
  }
}

/**
 * Starts a first fetch (see {@link startFetch}, with the workers) when this store never fetched
 * from the remote (no tracking ref): a first sync all but surely fetches, so its request would
 * otherwise wait on these reads and the workers' start after the discovery. Undefined for a pull,
 * which may well find nothing new and starts them only when it fetches.
 */
export async function startFirstFetch(store: GitStore, ref: string, tracking: string): Promise<FetchStart | undefined> {
  const known = await store.refs.read(tracking);
  return known === undefined ? startFetch(store, ref, known, prestartUnpack()) : undefined;
}

/** Ends what a fetch did not take or finish: its workers, its import (deleting what was put). */
export async function releaseFetch(start: FetchStart): Promise<void> {
  start.prestarted?.release();
  await start.imported.abort();
}

/** Commits to offer as common ground: the last known remote head, then our newest commits. */
async function listHaves(store: GitStore, ref: string, known: Oid | undefined): Promise<Oid[]> {
  const head = await store.refs.read(ref);
  const haves: Oid[] = known === undefined ? [] : [known];
  if (head !== undefined) {
    for (const commit of await store.graph.listCommitsBetween([head], [], { limit: MAX_HAVES })) if (commit !== known) haves.push(commit);
  }
  return haves.slice(0, MAX_HAVES);
}

/** Bytes this site may still store, when the browser says (`navigator.storage.estimate`). */
async function availableStorage(): Promise<number | undefined> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
  if (estimate?.quota === undefined) return undefined;
  return Math.max(0, estimate.quota - (estimate.usage ?? 0));
}
