// The cold-start bench's preparation page, served from the app's own origin so that it writes the
// app's IndexedDB database ('taskgit', branch main): bench/cold-start-fixture.ts's records and
// history, committed through the store as the app commits (one `branch.transaction` per commit).
// At 100,000 items and 100,000 commits the edits rename contexts and contacts rather than actions:
// an edit of an action rewrites its ~27 KB shard of `items/` and the 7.7 KB `items` tree, which the
// store keeps uncompressed, so 100,000 of them would be ~3.5 GB to write (over 20 minutes here)
// before the first load. A cold start reads the head's trees and records, not the history, so
// what the commits edited does not change what it reads. The edits are made by the store on a
// memory backend, 500 at a time, and each block's objects stored loose in one transaction.
// It also says what a cold start must show (the Work view's row count, from the model's own
// query), which blobs hold the records (for the bare baseline), and how long each step of the
// app's `loadSnapshot` takes when replayed one step at a time. Timings are in milliseconds.
import {
  encodeRecord,
  isMalformed,
  loadSnapshot,
  mergeRecordFile,
  parseRecord,
  recordPath,
  RECORD_FOLDERS,
  Tasks,
  todayOf,
  workView,
  type ActionRecord,
  type ContactRecord,
  type ContextRecord,
} from '../../src/model/index.ts';
import { createMemoryBackend, isTreeMode, openRepo, unwrapObject, type Backend, type GitObject, type Oid, type Repo } from '../../src/store/index.ts';
import { openIndexedDbBackend } from '../../src/store/backend/index.ts';
import { BENCH_AUTHOR } from '../fixture.ts';
import { COLD_START_PLANS, coldStartEdit, coldStartRecords, type ColdStartPlan, type ColdStartSize } from '../cold-start-fixture.ts';

/** The database and branch the app opens (src/ui/open-tasks.ts). */
export const APP_DB = 'taskgit';

/** What {@link ColdStartPrepPage.prepare} did. */
export interface Prepared {
  records: number;
  commits: number;
  fillCommits: number;
  fillMs: number;
  editCommits: number;
  editMs: number;
  head: string;
}

/** What a cold start must show, and where the records' bytes are. */
export interface Expected {
  head: string | undefined;
  records: number;
  malformed: number;
  /** Action rows the Work view shows: its context groups' actions and the recently completed. */
  workRows: number;
  /** Ids of the record blobs at the head, one per record, in tree order. */
  recordBlobs: string[];
}

/** One replay of the app's load, step by step, in a fresh repository handle (empty caches). */
export interface LoadSteps {
  /** `Tasks.open`-equivalent steps, in order, each in ms. */
  openRepo: number;
  readHead: number;
  /** Trees read one at a time, as `readAllAt` walks them: how many and how long. */
  treeReads: number;
  treeWalk: number;
  /** The blobs read in one transaction, each hashed against its id (`objects.readMany`). */
  blobReads: number;
  blobReadAndVerify: number;
  parseRecords: number;
  /** The same load by the real `loadSnapshot`, in a second fresh handle, for comparison. */
  loadSnapshot: number;
}

/** What the page offers the driver. */
export interface ColdStartPrepPage {
  info(): { crossOriginIsolated: boolean };
  /** Commits the fixture of `size` into the app's database; logs progress on the console. */
  prepare(size: ColdStartSize): Promise<Prepared>;
  expected(): Promise<Expected>;
  loadSteps(): Promise<LoadSteps>;
}

declare global {
  interface Window {
    coldStartPrep: ColdStartPrepPage;
  }
}

const open = (backend?: Backend): Promise<Repo> =>
  openRepo({ name: APP_DB, merge: mergeRecordFile, author: { ...BENCH_AUTHOR }, ...(backend ? { backend } : {}) });

/** Edits made in memory and stored together, at 100,000 commits. */
const EDIT_BLOCK = 500;

async function prepare(size: ColdStartSize): Promise<Prepared> {
  const plan = COLD_START_PLANS[size];
  const records = coldStartRecords(plan);
  // At 100,000 commits everything is stored loose, as a history made on this device is.
  const repo = await open(size === '100k' ? await openIndexedDbBackend(APP_DB, indexedDB, { batchMinObjects: Infinity }) : undefined);
  try {
    const branch = await repo.branch('main');
    if ((await branch.head()) !== undefined) throw new Error(`${APP_DB} already has commits: prepare a fresh profile`);
    let started = performance.now();
    let commits = 0;
    for (let start = 0; start < records.length; start += plan.fillBatch) {
      const batch = records.slice(start, start + plan.fillBatch);
      await branch.transaction(
        (tx) => {
          for (const record of batch) tx.set(recordPath(record.kind, record.id), encodeRecord(record));
        },
        { message: `Add records ${start + 1} to ${start + batch.length}` },
      );
      commits++;
    }
    const fillCommits = commits;
    const fillMs = performance.now() - started;

    started = performance.now();
    const actions = records.filter((record): record is ActionRecord => record.kind === 'action');
    if (size === '100k') {
      const small = records.filter((record): record is ContextRecord | ContactRecord => record.kind === 'context' || record.kind === 'contact');
      await editInBlocks(repo, small, plan, plan.commits - commits);
      commits = plan.commits;
    }
    const position = new Map(actions.map((action, i) => [action.id, i]));
    for (let index = 0; commits < plan.commits; index++, commits++) {
      const edited = coldStartEdit(actions, index, plan);
      actions[position.get(edited.id) as number] = edited;
      // As the app commits an edit (Tasks.apply): one transaction, one commit.
      await branch.transaction((tx) => tx.set(recordPath(edited.kind, edited.id), encodeRecord(edited)), {
        message: `Rename ${edited.name}`,
      });
      if (commits % 1000 === 999) console.log(`cold start: ${commits + 1} of ${plan.commits} commits, ${Math.round(performance.now() - started)} ms of edits`);
    }
    const editMs = performance.now() - started;
    const head = await branch.head();
    if (head === undefined) throw new Error('no head after the fill');
    return { records: records.length, commits, fillCommits, fillMs, editCommits: commits - fillCommits, editMs, head };
  } finally {
    await repo.close();
  }
}

/**
 * `count` single-record edits of `records` (one commit each), made by the store on a memory
 * backend seeded with the head and the trees they read, EDIT_BLOCK at a time; each block's new
 * objects are stored in `repo` with the head's move, in one transaction.
 */
async function editInBlocks(repo: Repo, records: Array<ContextRecord | ContactRecord>, plan: ColdStartPlan, count: number): Promise<void> {
  const started = performance.now();
  const position = new Map(records.map((record, i) => [record.id, i]));
  const ref = 'refs/heads/main';
  for (let done = 0; done < count; ) {
    const head = (await repo.git.refs.read(ref)) as Oid;
    const { backend, written } = capturingMemoryBackend();
    const memory = await openRepo({ name: `${APP_DB}-block`, backend, merge: mergeRecordFile, author: { ...BENCH_AUTHOR } });
    await memory.git.refs.compareAndSet(ref, undefined, head, await headTrees(repo, head));
    written.length = 0;
    const branch = await memory.branch('main');
    const block = Math.min(EDIT_BLOCK, count - done);
    for (let i = 0; i < block; i++, done++) {
      const edited = coldStartEdit(records, done, plan);
      records[position.get(edited.id) as number] = edited;
      await branch.set(recordPath(edited.kind, edited.id), encodeRecord(edited), { message: `Rename ${edited.name}` });
    }
    const objects: GitObject[] = written.map(({ raw }) => unwrapObject(raw));
    if (!(await repo.git.refs.compareAndSet(ref, head, (await branch.head()) as Oid, objects))) throw new Error('the head moved while preparing');
    await memory.close();
    console.log(`cold start: ${done} of ${count} edits, ${Math.round(performance.now() - started)} ms`);
  }
}

/** The head commit, its root tree and the root's `contexts` and `contacts` trees: what the edits read. */
async function headTrees(repo: Repo, head: Oid): Promise<GitObject[]> {
  const root = (await repo.git.objects.readCommit(head)).tree;
  const folders = (await repo.git.objects.readTree(root)).filter((entry) => entry.name === RECORD_FOLDERS.contexts || entry.name === RECORD_FOLDERS.contacts);
  return repo.git.objects.readMany([head, root, ...folders.map((entry) => entry.oid)]);
}

/** A memory backend that also lists every object written to it. */
function capturingMemoryBackend(): { backend: Backend; written: Array<{ raw: Uint8Array }> } {
  const inner = createMemoryBackend();
  const written: Array<{ raw: Uint8Array }> = [];
  const backend: Backend = {
    ...inner,
    async putObjects(objects) {
      written.push(...objects);
      await inner.putObjects(objects);
    },
    async compareAndSetRef(name, expected, next, objects) {
      const moved = await inner.compareAndSetRef(name, expected, next, objects);
      if (moved) written.push(...objects);
      return moved;
    },
  };
  return { backend, written };
}

/**
 * The record files below the commit's tree and their blob ids, folder by folder, each tree read
 * on its own as `loadSnapshot` (the store's `readAllAt`) reads them; `trees` counts the reads.
 */
async function recordBlobsAt(repo: Repo, head: string): Promise<{ paths: string[]; blobs: Oid[]; trees: number }> {
  const paths: string[] = [];
  const blobs: Oid[] = [];
  let trees = 1;
  const walk = async (tree: string, prefix: string): Promise<void> => {
    trees++;
    for (const entry of await repo.git.objects.readTree(tree)) {
      if (isTreeMode(entry.mode)) await walk(entry.oid, `${prefix}${entry.name}/`);
      else {
        paths.push(`${prefix}${entry.name}`);
        blobs.push(entry.oid);
      }
    }
  };
  const root = await repo.git.objects.readTree((await repo.readCommit(head)).tree);
  for (const folder of Object.values(RECORD_FOLDERS)) {
    const entry = root.find((candidate) => candidate.name === folder);
    if (entry) await walk(entry.oid, `${folder}/`);
  }
  return { paths, blobs, trees };
}

async function expected(): Promise<Expected> {
  const tasks = await Tasks.open({ name: APP_DB });
  try {
    const { snapshot } = tasks;
    const view = workView(snapshot, todayOf(new Date()));
    const workRows = view.contexts.reduce((sum, group) => sum + group.count, 0) + view.recentlyCompleted.length;
    const { blobs } = snapshot.head === undefined ? { blobs: [] as Oid[] } : await recordBlobsAt(tasks.repo, snapshot.head);
    return { head: snapshot.head, records: snapshot.records.size, malformed: snapshot.malformed.length, workRows, recordBlobs: blobs };
  } finally {
    await tasks.close();
  }
}

async function loadSteps(): Promise<LoadSteps> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  const repo = await open();
  let steps: Omit<LoadSteps, 'loadSnapshot'>;
  try {
    const openRepoMs = lap();
    const branch = await repo.branch('main');
    const head = await branch.head();
    if (head === undefined) throw new Error('prepare first');
    const readHead = lap();
    const { paths, blobs, trees } = await recordBlobsAt(repo, head);
    const treeWalk = lap();
    const contents = await repo.readBlobs(blobs);
    const blobReadAndVerify = lap();
    let parsed = 0;
    contents.forEach((content, i) => {
      if (!isMalformed(parseRecord(paths[i] as string, content))) parsed++;
    });
    const parseRecords = lap();
    if (parsed !== blobs.length) throw new Error(`${blobs.length - parsed} records did not parse`);
    steps = { openRepo: openRepoMs, readHead, treeReads: trees, treeWalk, blobReads: blobs.length, blobReadAndVerify, parseRecords };
  } finally {
    await repo.close();
  }
  const again = await open();
  try {
    const branch = await again.branch('main');
    const started = performance.now();
    await loadSnapshot(branch, await branch.head());
    return { ...steps, loadSnapshot: performance.now() - started };
  } finally {
    await again.close();
  }
}

window.coldStartPrep = {
  info: () => ({ crossOriginIsolated: globalThis.crossOriginIsolated }),
  prepare,
  expected,
  loadSteps,
};
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
