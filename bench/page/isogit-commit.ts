// The commit bench's second baseline: isomorphic-git on @isomorphic-git/lightning-fs (its
// IndexedDB file system) committing the same single-item change in the same page as our store.
// Two ways, each timed until durable (lightning-fs's `flush`, which saves its file tree, after
// the commit; our store's commit is durable when its one transaction completes):
//   - `porcelain`: what an app built on isomorphic-git does for an edit: write the item's file,
//     `git.add` it, `git.commit` (which builds every tree from the 10,000-entry index);
//   - `plumbing`: the fewest calls for the same objects our store writes: the blob, the three
//     trees on the item's path, the commit, the ref.
// Timings are in milliseconds.
import './buffer-global.ts';
import LightningFS from '@isomorphic-git/lightning-fs';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeCommit, encodeTree, FILE_MODE, hashObject, type GitObject, type Oid, type TreeEntry } from '../../src/store/index.ts';
import { encodePack } from '../../src/sync/protocol/index.ts';
import { BENCH_AUTHOR, itemJson, itemPath } from '../fixture.ts';
import { encodeIndexFile, type IndexEntry } from './git-index-file.ts';

type Git = typeof import('isomorphic-git');

/** Where the repository lives inside each lightning-fs file system. */
const DIR = '/repo';

interface Filled {
  git: Git;
  fs: LightningFS;
  /** isomorphic-git's cache (parsed pack indexes), shared by every call as an app would. */
  cache: object;
  ids: string[];
  revisions: Map<string, number>;
}

/** What the page offers the driver for the isomorphic-git baseline. */
export interface IsogitBenchPage {
  /** A fresh lightning-fs `name` holding a repository of `items` items, committed and staged; ms taken. */
  isogitFill(name: string, items: number): Promise<number>;
  /** Times `count` single-item commits of each way (see above), alternating, after `warmup` untimed ones of each. */
  isogitTimeCommits(name: string, count: number, warmup: number): Promise<{ porcelain: number[]; plumbing: number[] }>;
}

const filled = new Map<string, Filled>();
const author = () => ({ ...BENCH_AUTHOR, timestamp: Math.floor(Date.now() / 1000), timezoneOffset: 0 });

/**
 * The repository's objects as our store would write them: a blob per item, a tree per shard,
 * `items`, the root, one commit. Returns them and the index entries that stage the same files.
 */
function fillObjects(ids: readonly string[]): { objects: GitObject[]; head: string; staged: IndexEntry[] } {
  const objects: GitObject[] = [];
  const add = (type: GitObject['type'], content: Uint8Array): string => {
    objects.push({ type, content });
    return hashObject(type, content).oid;
  };
  const shards = new Map<string, TreeEntry[]>();
  const staged: IndexEntry[] = [];
  for (const id of ids) {
    const oid = add('blob', new TextEncoder().encode(itemJson(id, 0)));
    const shard = id.slice(0, 2);
    shards.set(shard, [...(shards.get(shard) ?? []), { name: `${id}.json`, mode: FILE_MODE.file, oid: oid as Oid }]);
    staged.push({ path: itemPath(id), oid });
  }
  const items = [...shards].map(([name, entries]) => ({ name, mode: FILE_MODE.tree, oid: add('tree', encodeTree(entries)) as Oid }));
  const root = add('tree', encodeTree([{ name: 'items', mode: FILE_MODE.tree, oid: add('tree', encodeTree(items)) as Oid }]));
  const who = author();
  const head = add('commit', encodeCommit({ tree: root as Oid, parents: [], author: who, committer: who, message: `Add ${ids.length} items\n` }));
  return { objects, head, staged };
}

/**
 * A fresh lightning-fs holding the repository of `items` items, as a clone would leave it: its
 * objects in one pack (indexed by isomorphic-git's own `indexPack`), `main` at the commit, and
 * the index staging every item. The work tree holds only the files the timed commits write:
 * `git.add` and `git.commit` read nothing else.
 */
async function isogitFill(name: string, items: number): Promise<number> {
  const started = performance.now();
  const git = (await import('isomorphic-git')).default as unknown as Git;
  const fs = new LightningFS(name, { wipe: true });
  const cache = {};
  await git.init({ fs, dir: DIR, defaultBranch: 'main' });
  const ids = Array.from({ length: items }, () => crypto.randomUUID());
  const { objects, head, staged } = fillObjects(ids);
  const pack = encodePack(objects);
  const packName = `pack-${bytesToHex(pack.subarray(pack.length - 20))}`;
  await mkdirs(fs, `${DIR}/.git/objects/pack`);
  await fs.promises.writeFile(`${DIR}/.git/objects/pack/${packName}.pack`, pack);
  await git.indexPack({ fs, dir: DIR, filepath: `.git/objects/pack/${packName}.pack`, cache });
  await git.writeRef({ fs, dir: DIR, ref: 'refs/heads/main', value: head, force: true });
  await fs.promises.writeFile(`${DIR}/.git/index`, encodeIndexFile(staged));
  await fs.promises.mkdir(`${DIR}/items`);
  for (const shard of new Set(ids.map((id) => id.slice(0, 2)))) await fs.promises.mkdir(`${DIR}/items/${shard}`);
  await fs.promises.flush();
  filled.set(name, { git, fs, cache, ids, revisions: new Map() });
  return performance.now() - started;
}

/** `mkdir -p`. */
async function mkdirs(fs: LightningFS, path: string): Promise<void> {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += `/${part}`;
    await fs.promises.mkdir(at).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    });
  }
}

/** The next change: a random item, at a revision it has not had. */
function nextChange(state: Filled): { id: string; path: string; json: string; message: string } {
  const id = state.ids[Math.floor(Math.random() * state.ids.length)] ?? '';
  const revision = (state.revisions.get(id) ?? 0) + 1;
  state.revisions.set(id, revision);
  return { id, path: itemPath(id), json: itemJson(id, revision), message: `Update item ${id} to revision ${revision}` };
}

async function timePorcelain(state: Filled): Promise<number> {
  const { git, fs, cache } = state;
  const change = nextChange(state);
  const started = performance.now();
  await fs.promises.writeFile(`${DIR}/${change.path}`, change.json, 'utf8');
  await git.add({ fs, dir: DIR, filepath: change.path, cache });
  await git.commit({ fs, dir: DIR, message: change.message, author: author(), cache });
  await fs.promises.flush();
  return performance.now() - started;
}

/** `entries` with the entry `name` pointing at `oid` instead. */
function replaceEntry<T extends { path: string; oid: string }>(entries: readonly T[], name: string, oid: string): T[] {
  return entries.map((entry) => (entry.path === name ? { ...entry, oid } : entry));
}

async function timePlumbing(state: Filled): Promise<number> {
  const { git, fs, cache } = state;
  const change = nextChange(state);
  const [, shard, file] = change.path.split('/') as [string, string, string];
  const started = performance.now();
  const head = await git.resolveRef({ fs, dir: DIR, ref: 'refs/heads/main' });
  const { commit } = await git.readCommit({ fs, dir: DIR, oid: head, cache });
  const root = (await git.readTree({ fs, dir: DIR, oid: commit.tree, cache })).tree;
  const items = (await git.readTree({ fs, dir: DIR, oid: root.find((entry) => entry.path === 'items')?.oid ?? '', cache })).tree;
  const folder = (await git.readTree({ fs, dir: DIR, oid: items.find((entry) => entry.path === shard)?.oid ?? '', cache })).tree;
  const blob = await git.writeBlob({ fs, dir: DIR, blob: new TextEncoder().encode(change.json) });
  const folderOid = await git.writeTree({ fs, dir: DIR, tree: replaceEntry(folder, file, blob) });
  const itemsOid = await git.writeTree({ fs, dir: DIR, tree: replaceEntry(items, shard, folderOid) });
  const rootOid = await git.writeTree({ fs, dir: DIR, tree: replaceEntry(root, 'items', itemsOid) });
  const who = author();
  const next = await git.writeCommit({ fs, dir: DIR, commit: { tree: rootOid, parent: [head], author: who, committer: who, message: `${change.message}\n` } });
  await git.writeRef({ fs, dir: DIR, ref: 'refs/heads/main', value: next, force: true });
  await fs.promises.flush();
  return performance.now() - started;
}

async function isogitTimeCommits(name: string, count: number, warmup: number): Promise<{ porcelain: number[]; plumbing: number[] }> {
  const state = filled.get(name);
  if (!state) throw new Error(`isogitFill ${name} first`);
  const porcelain: number[] = [];
  const plumbing: number[] = [];
  for (let round = 0; round < warmup + count; round++) {
    const a = await timePorcelain(state);
    const b = await timePlumbing(state);
    if (round < warmup) continue;
    porcelain.push(a);
    plumbing.push(b);
  }
  // Both ways really committed: main moved once per timed call.
  const log = await state.git.log({ fs: state.fs, dir: DIR, ref: 'main', depth: 2 * (warmup + count) + 1, cache: state.cache });
  if (log.length !== 2 * (warmup + count) + 1) throw new Error(`isomorphic-git made ${log.length - 1} commits, not ${2 * (warmup + count)}`);
  return { porcelain, plumbing };
}

/** The isomorphic-git baseline's functions, for `window.bench`. */
export const isogitBench: IsogitBenchPage = { isogitFill, isogitTimeCommits };
