import { openIndexedDbBackend, type Backend } from './backend/index.ts';
import { guardClosed } from './backend/closed-guard.ts';
import { createBranch } from './branch.ts';
import { diffTrees } from './diff.ts';
import { StoreError } from './errors.ts';
import { createGitStore } from './git-store.ts';
import { HeadNotifier } from './head-notifier.ts';
import { toCommit } from './history.ts';
import { ObjectStore } from './object-store.ts';
import { parseOid, type Oid } from './oid.ts';
import { checkBranchName } from './ref-names.ts';
import type { RepoContext } from './repo-context.ts';
import { DEFAULT_AUTHOR } from './signature.ts';
import { TurnTaking } from './turn-taking.ts';
import type { Branch, MergeFn, Repo } from './types.ts';
import { createView } from './view.ts';

/** How to open a repository. */
export interface OpenRepoOptions {
  /** The IndexedDB database name; one repository per database. */
  name: string;
  /** The IndexedDB to use (e.g. `fake-indexeddb` in Node); defaults to the global one. */
  indexedDB?: IDBFactory;
  /** Another place to keep the bytes, e.g. `createMemoryBackend()` for tests and previews. */
  backend?: Backend;
  /**
   * How many bytes of fetched or imported objects' chunks the IndexedDB backend keeps in memory
   * (default 12 MB, `DEFAULT_CHUNK_CACHE_BYTES`); not used with `backend`.
   */
  chunkCacheBytes?: number;
  /** Per-path merge rules; paths it returns `undefined` for use the store's defaults. */
  merge?: MergeFn;
  /** The author of changes whose CommitInfo names none. */
  author?: { name: string; email: string };
}

const REF_PREFIX = 'refs/heads/';

/**
 * Opens (creating when missing) a versioned repository of files, stored as real git objects.
 * Every change is a commit; see {@link Repo} and {@link Branch}.
 */
export async function openRepo(options: OpenRepoOptions): Promise<Repo> {
  const { name } = options;
  const raw = options.backend ?? (await openBackend(name, options.indexedDB, options.chunkCacheBytes));
  let closed = false;
  const backend = guardClosed(raw, () => closed, name);
  const store = new ObjectStore(backend);
  const notifier = new HeadNotifier(`taskgit-store:${name}`, backend);
  const turns = new TurnTaking(name);
  const context: RepoContext = { name, backend, store, notifier, turns, merge: options.merge, author: options.author ?? DEFAULT_AUTHOR };
  const git = createGitStore(context);

  return {
    name,
    branch: async (branchName = 'main') => createBranch(context, checkBranchName(branchName)) satisfies Branch,
    async listBranches() {
      const branches = new Map<string, Oid>();
      for (const [ref, head] of await git.refs.list(REF_PREFIX)) branches.set(ref.slice(REF_PREFIX.length), head);
      return branches;
    },
    async view(commitId) {
      const oid = parseOid(commitId);
      return createView(store, oid, (await store.readCommit(oid)).tree);
    },
    async diff(from, to) {
      const toTree = (await store.readCommit(parseOid(to))).tree;
      const fromTree = from === undefined ? undefined : (await store.readCommit(parseOid(from))).tree;
      return diffTrees(store, fromTree, toTree);
    },
    readCommit: async (commitId) => {
      const oid = parseOid(commitId);
      return toCommit(oid, await store.readCommit(oid));
    },
    readBlobs: (ids) => store.readBlobs(ids.map(parseOid)),
    git,
    async close() {
      if (closed) return;
      closed = true;
      notifier.close();
      turns.close();
      raw.close();
    },
  };
}

async function openBackend(name: string, factory: IDBFactory | undefined, chunkCacheBytes: number | undefined): Promise<Backend> {
  const indexedDB = factory ?? globalThis.indexedDB;
  if (!indexedDB) {
    throw new StoreError('unavailable', 'No IndexedDB here: pass `indexedDB` (e.g. fake-indexeddb in Node) or a `backend`.', { name });
  }
  return openIndexedDbBackend(name, indexedDB, chunkCacheBytes === undefined ? {} : { chunkCacheBytes });
}
