// The bench page: `bench/run.ts` builds it, serves it cross-origin isolated (fine-grained
// performance.now()) and calls `window.bench` from Playwright. Timings are in milliseconds.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { openRepo, type Branch, type Repo } from '../../src/store/index.ts';
import { itemJson, itemPath } from '../fixture.ts';
import { isogitBench, type IsogitBenchPage } from './isogit-commit.ts';
import { firstSyncBench, type FirstSyncPage } from './first-sync.ts';
import { syncBench, type SyncBenchPage } from './sync-bench.ts';
import { anchorBench, type AnchorBenchPage } from './anchor-bench.ts';
import { serveChannel } from './channel.ts';

/**
 * IndexedDB work one `branch.set` of an item at `items/<xx>/<uuid>.json` must do at the least:
 * put 5 new objects (the blob, the trees `items/<xx>`, `items` and the root, and the commit),
 * then compare-and-set the ref (1 get and 1 put in the refs store), all in one readwrite
 * transaction. The bare baseline does exactly this on a plain `openDB` database, with objects of
 * the sizes the store's last commit wrote (a shard tree grows with the repository: ~2.7 KB at
 * 10,000 items, ~27 KB at 100,000), so both sides put the same bytes.
 */
export const OBJECT_PUTS_PER_COMMIT = 5;
/** Files per fill transaction: large commits keep the set-up of 10,000 items fast. */
export const FILL_BATCH = 1000;
/** Untimed operations before each timed series, so first-use costs are not sampled. */
export const WARMUP = 5;

/**
 * What the page offers the driver: the commit bench here, its isomorphic-git baseline from
 * isogit-commit.ts, the sync bench from sync-bench.ts.
 */
export interface BenchPage extends SyncBenchPage, IsogitBenchPage, AnchorBenchPage, FirstSyncPage {
  info(): { crossOriginIsolated: boolean; userAgent: string };
  /** Opens a fresh repository `name` and commits `items` item files into it; returns the ms taken. */
  fill(name: string, items: number): Promise<number>;
  /**
   * Times `count` single-file `branch.set` calls on the filled repository `name`, each changing
   * one random existing item, and `count` bare IndexedDB transactions doing what one commit must.
   */
  timeCommits(name: string, count: number): Promise<{ store: number[]; bareIdb: number[] }>;
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}

interface Filled {
  repo: Repo;
  branch: Branch;
  ids: string[];
  revisions: Map<string, number>;
  /** Sizes of the objects the store's last commit wrote, in the order of {@link commitObjectSizes}. */
  sizes: number[];
}

const filled = new Map<string, Filled>();

async function fill(name: string, items: number): Promise<number> {
  const started = performance.now();
  const repo = await openRepo({ name });
  const branch = await repo.branch('main');
  const ids = Array.from({ length: items }, () => crypto.randomUUID());
  for (let start = 0; start < items; start += FILL_BATCH) {
    const batch = ids.slice(start, start + FILL_BATCH);
    await branch.transaction(
      (tx) => {
        for (const id of batch) tx.set(itemPath(id), itemJson(id, 0));
      },
      { message: `Add items ${start + 1} to ${start + batch.length}` },
    );
  }
  const ms = performance.now() - started;
  const id = ids[0] ?? '';
  filled.set(name, { repo, branch, ids, revisions: new Map(), sizes: await commitObjectSizes(repo, (await branch.head()) ?? '', itemPath(id)) });
  return ms;
}

/** The loose-object sizes of a commit and of what it holds on `path`: commit, root tree, sub-trees, file. */
async function commitObjectSizes(repo: Repo, head: string, path: string): Promise<number[]> {
  const commit = await repo.git.objects.read(head);
  const oids = [head];
  let tree = (await repo.git.objects.readCommit(head)).tree;
  for (const name of path.split('/')) {
    oids.push(tree);
    const entry = (await repo.git.objects.readTree(tree)).find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`${path} is not at ${head}`);
    tree = entry.oid;
  }
  oids.push(tree);
  const objects = [commit, ...(await repo.git.objects.readMany(oids.slice(1)))];
  return objects.map(({ type, content }) => `${type} ${content.length}\0`.length + content.length);
}

interface BareSchema extends DBSchema {
  objects: { key: string; value: Uint8Array };
  refs: { key: string; value: string };
}

/** `size` random bytes (getRandomValues gives at most 64 KB at a time). */
function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
  return bytes;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function openBare(name: string): Promise<IDBPDatabase<BareSchema>> {
  return openDB<BareSchema>(name, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore('objects');
      upgrading.createObjectStore('refs');
    },
  });
}

/** One single-item `branch.set` of a random existing item, with a changed revision. */
async function timeSet(state: Filled): Promise<number> {
  const id = state.ids[Math.floor(Math.random() * state.ids.length)] ?? '';
  const revision = (state.revisions.get(id) ?? 0) + 1;
  state.revisions.set(id, revision);
  const data = itemJson(id, revision);
  const started = performance.now();
  const head = await state.branch.set(itemPath(id), data, { message: `Update item ${id} to revision ${revision}` });
  const ms = performance.now() - started;
  state.sizes = await commitObjectSizes(state.repo, head, itemPath(id));
  return ms;
}

/** One bare readwrite transaction: read the ref, put objects of `sizes` (the commit's), put the ref. */
async function timeBareCommit(database: IDBPDatabase<BareSchema>, sizes: readonly number[]): Promise<number> {
  if (sizes.length !== OBJECT_PUTS_PER_COMMIT) throw new Error(`a commit of ${sizes.length} objects, not ${OBJECT_PUTS_PER_COMMIT}`);
  const objects = sizes.map((size) => ({ key: randomHex(20), value: randomBytes(size) }));
  const next = randomHex(20);
  const started = performance.now();
  const tx = database.transaction(['objects', 'refs'], 'readwrite');
  const refs = tx.objectStore('refs');
  await refs.get('refs/heads/main');
  const store = tx.objectStore('objects');
  for (const { key, value } of objects) void store.put(value, key);
  void refs.put(next, 'refs/heads/main');
  await tx.done;
  return performance.now() - started;
}

/**
 * Store commits and bare transactions alternate, so both series see the same background
 * (IndexedDB compaction, garbage collection) and their ratio does not drift with it.
 */
async function timeCommits(name: string, count: number): Promise<{ store: number[]; bareIdb: number[] }> {
  const state = filled.get(name);
  if (!state) throw new Error(`fill ${name} first`);
  const database = await openBare(`${name}-bare`);
  const store: number[] = [];
  const bareIdb: number[] = [];
  try {
    for (let round = 0; round < WARMUP + count; round++) {
      const storeFirst = round % 2 === 0;
      const first = storeFirst ? await timeSet(state) : await timeBareCommit(database, state.sizes);
      const second = storeFirst ? await timeBareCommit(database, state.sizes) : await timeSet(state);
      if (round < WARMUP) continue;
      store.push(storeFirst ? first : second);
      bareIdb.push(storeFirst ? second : first);
    }
  } finally {
    database.close();
  }
  return { store, bareIdb };
}

window.bench = {
  info: () => ({ crossOriginIsolated: globalThis.crossOriginIsolated, userAgent: navigator.userAgent }),
  fill,
  timeCommits,
  ...isogitBench,
  ...syncBench,
  ...anchorBench,
  ...firstSyncBench,
};
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
const channel = new URLSearchParams(location.search).get('channel');
if (channel) void serveChannel(channel);
