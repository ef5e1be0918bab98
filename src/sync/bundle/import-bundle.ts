import { TimeSlice, type GitStore, type Oid } from '../../store/index.ts';
import { describeClosureProblem } from '../describe-closure.ts';
import type { PackObject } from '../protocol/index.ts';
import { BundleError } from './bundle-error.ts';
import { parseBundleHeader } from './bundle-header.ts';
import { chooseBundleRef } from './choose-ref.ts';
import type { BundleProgress } from './progress.ts';
import { readBundlePack } from './read-bundle-pack.ts';
import { resolveRefCommit, selectObjectsToStore } from './select-objects.ts';

/** Options of {@link importBundle}. */
export interface ImportBundleOptions {
  /**
   * The local branch to import into, default 'main'. Its history comes from the bundle's
   * `refs/heads/<branch>`, else its only branch, else its `HEAD`.
   */
  branch?: string;
  /** Message of the merge commit when the branch already has history of its own. */
  message?: string;
  /** Told how far the import got; phases in `BundlePhase`. */
  onProgress?: BundleProgress;
}

/**
 * What an import did, for the UI to say:
 * - `imported`: the branch was empty and now holds the bundle's history;
 * - `merged`: the bundle's history was merged into the branch's (a fast-forward included);
 * - `up-to-date`: the branch already held all of it.
 */
export interface ImportBundleResult {
  kind: 'imported' | 'merged' | 'up-to-date';
  /** The branch head afterwards. */
  head: Oid;
  /** How many objects were written (those the store lacked). */
  objects: number;
}

const DEFAULT_MESSAGE = 'Merge imported history';
/** Objects stored per transaction, at most. */
const STORE_SLICE = 2000;
/**
 * Bytes stored per transaction, at most (one object larger goes alone): laying them out and
 * handing them to IndexedDB is a copy on the page, ~2 MB a few ms.
 */
const STORE_SLICE_BYTES = 2 * 2 ** 20;

/**
 * Imports a git bundle (a Taskgit export, or `git bundle create` output) into a branch.
 * Everything is checked before anything is written: the header (version 2, or 3 with SHA-1
 * only; prerequisites must be stored already), the pack (every object hashed to its id), and
 * the store's closure check (every object the bundle's refs reach is in the pack or the store,
 * with the right type; every tree as git requires it). Then the objects the chosen head reaches
 * are written, and the branch points at that head if it was empty (by compare-and-set, once
 * they are stored), or merges it three-way (`branch.merge`) if it had history. The pack is
 * parsed in a Web Worker where one may start, and the checks run in slices, so the page keeps
 * painting during a large import. A refused file is a BundleError
 * (code `invalid-bundle`, `data.problem` says why) and leaves the store as it was.
 *
 * @example
 * const result = await importBundle(repo.git, new Uint8Array(await file.arrayBuffer()));
 * if (result.kind === 'merged') toast('Merged the imported history with this device’s');
 */
export async function importBundle(store: GitStore, bytes: Uint8Array, options: ImportBundleOptions = {}): Promise<ImportBundleResult> {
  const progress: BundleProgress = options.onProgress ?? (() => undefined);
  const name = options.branch ?? 'main';
  const ref = `refs/heads/${name}`;
  await store.refs.read(ref); // checks the name before reading the file
  const header = parseBundleHeader(bytes);
  const chosen = chooseBundleRef(header.refs, name);
  progress('unpacking', 0, 0);
  const objects = await readBundlePack(store, bytes, header);
  progress('unpacking', objects.length, objects.length);
  progress('checking', 0, objects.length);
  const byId = await indexById(objects);
  const problem = await store.graph.checkClosed(byId, header.refs.map(({ oid }) => oid));
  if (problem) throw new BundleError(problem.kind === 'missing' ? 'incomplete' : 'corrupt', describeClosureProblem(problem, 'the file'));
  const head = await resolveRefCommit(store, byId, chosen);
  const toStore = await selectObjectsToStore(store, byId, head);
  progress('checking', objects.length, objects.length);

  // Stored before the ref moves, a slice per transaction: the pack's ids were computed from
  // the bytes just now (in the pack worker), so they are not hashed a second time here.
  progress('storing', 0, toStore.length);
  for (let start = 0; start < toStore.length; ) {
    const end = sliceEnd(toStore, start);
    await store.objects.writeHashed(toStore.slice(start, end));
    progress('storing', end, toStore.length);
    start = end;
  }
  if ((await store.refs.read(ref)) === undefined && (await store.refs.compareAndSet(ref, undefined, head))) {
    return { kind: 'imported', head, objects: toStore.length };
  }
  progress('merging', 0, 1);
  const before = await store.refs.read(ref);
  const after = await store.merge(name, head, { message: options.message ?? DEFAULT_MESSAGE });
  progress('merging', 1, 1);
  const kind = before === undefined ? 'imported' : after === before ? 'up-to-date' : 'merged';
  return { kind, head: after, objects: toStore.length };
}

/** Where the slice of objects stored in one transaction from `start` ends. */
function sliceEnd(objects: readonly PackObject[], start: number): number {
  let bytes = 0;
  let end = start;
  while (end < objects.length && end - start < STORE_SLICE) {
    bytes += (objects[end] as PackObject).raw.length;
    if (end > start && bytes > STORE_SLICE_BYTES) break;
    end++;
  }
  return end;
}

/** The objects by id, indexed in time slices: a bundle's tens of thousands took ~35 ms in one task. */
async function indexById(objects: readonly PackObject[]): Promise<Map<Oid, PackObject>> {
  const byId = new Map<Oid, PackObject>();
  const slice = new TimeSlice();
  for (const object of objects) {
    if (slice.due()) await slice.next();
    byId.set(object.oid, object);
  }
  return byId;
}
