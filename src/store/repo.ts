import { openIndexedDbBackend, type Backend } from './backend/index.ts';
import { createBranch } from './branch.ts';
import { diffTrees } from './diff.ts';
import { RepoClosedError, StoreError } from './errors.ts';
import { HeadNotifier } from './head-notifier.ts';
import { TurnTaking } from './turn-taking.ts';
import { toCommit } from './history.ts';
import { decodeCommit, hashObject, wrapObject, type HashedObject } from './objects/index.ts';
import { ObjectStore } from './object-store.ts';
import { parseOid, type Oid } from './oid.ts';
import { branchRef, type RepoContext } from './repo-context.ts';
import { listCommitsBetween } from './rev-list.ts';
import { DEFAULT_AUTHOR } from './signature.ts';
import type { Branch, GitObject, MergeFn, RefAccess, Repo } from './types.ts';
import { createView } from './view.ts';

/** How to open a repository. */
export interface OpenRepoOptions {
  /** The IndexedDB database name; one repository per database. */
  name: string;
  /** The IndexedDB to use (e.g. `fake-indexeddb` in Node); defaults to the global one. */
  indexedDB?: IDBFactory;
  /** Another place to keep the bytes, e.g. `createMemoryBackend()` for tests and previews. */
  backend?: Backend;
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
  const raw = options.backend ?? (await openBackend(name, options.indexedDB));
  let closed = false;
  const backend = guard(raw, () => closed, name);
  const store = new ObjectStore(backend);
  const notifier = new HeadNotifier(`taskgit-store:${name}`, backend);
  const turns = new TurnTaking(name);
  const context: RepoContext = { name, backend, store, notifier, turns, merge: options.merge, author: options.author ?? DEFAULT_AUTHOR };

  /** Stores objects and keeps their commits at hand: fetched history is walked right after. */
  const storeObjects = async (hashed: HashedObject[], objects: readonly GitObject[]): Promise<void> => {
    await backend.putObjects(hashed);
    objects.forEach(({ type, content }, i) => {
      if (type !== 'commit') return;
      try {
        store.rememberCommit((hashed[i] as HashedObject).oid, decodeCommit(content));
      } catch {
        // Not decodable: a later read reports it as corrupt.
      }
    });
  };

  const refs: RefAccess = {
    read: async (ref) => backend.getRef(checkRefName(ref)),
    async list(prefix = 'refs/') {
      const found = new Map<string, Oid>();
      for (const [ref, head] of await backend.listRefs()) if (ref.startsWith(prefix)) found.set(ref, head);
      return found;
    },
    async compareAndSet(ref, expected, next, objects = []) {
      checkRefName(ref);
      const hashed = objects.map(({ type, content }) => hashObject(type, content));
      // Never let a ref point at a commit that is not stored.
      if (!hashed.some(({ oid }) => oid === next)) await store.readCommit(parseOid(next));
      const moved = await backend.compareAndSetRef(ref, expected, next, hashed);
      if (moved) notifier.announce(ref, next);
      return moved;
    },
  };

  return {
    name,
    branch: async (branchName = 'main') => {
      checkBranchName(branchName);
      return createBranch(context, branchName) satisfies Branch;
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
    listCommitsBetween: async (tips, exclude) => listCommitsBetween(store, tips.map(parseOid), exclude.map(parseOid)),
    async listBranches() {
      const branches = new Map<string, Oid>();
      for (const [ref, head] of await refs.list(REF_PREFIX)) branches.set(ref.slice(REF_PREFIX.length), head);
      return branches;
    },
    objects: {
      read: (oid) => store.readObject(parseOid(oid)),
      readMany: async (oids) => store.readObjects(oids.map(parseOid)),
      has: async (oid) => (await backend.hasObjects([parseOid(oid)]))[0] === true,
      async missing(oids) {
        const ids = oids.map(parseOid);
        const found = await backend.hasObjects(ids);
        return ids.filter((_, i) => !found[i]);
      },
      async write(objects) {
        const hashed = objects.map(({ type, content }) => hashObject(type, content));
        await storeObjects(hashed, objects);
        return hashed.map(({ oid }) => oid);
      },
      writeHashed: (objects) =>
        storeObjects(
          objects.map(({ oid, type, content, raw }) => ({ oid: parseOid(oid), raw: raw ?? wrapObject(type, content) })),
          objects,
        ),
    },
    compareAndSetHead(branchName, expected, next, objects = []) {
      checkBranchName(branchName);
      return refs.compareAndSet(branchRef(branchName), expected, next, objects);
    },
    refs,
    readTree: (treeId) => store.readTree(parseOid(treeId)),
    readTrees: async (treeIds) => store.readTrees(treeIds.map(parseOid)),
    async close() {
      if (closed) return;
      closed = true;
      notifier.close();
      turns.close();
      raw.close();
    },
  };
}

async function openBackend(name: string, factory: IDBFactory | undefined): Promise<Backend> {
  const indexedDB = factory ?? globalThis.indexedDB;
  if (!indexedDB) {
    throw new StoreError('unavailable', 'No IndexedDB here: pass `indexedDB` (e.g. fake-indexeddb in Node) or a `backend`.', { name });
  }
  return openIndexedDbBackend(name, indexedDB);
}

/** Full ref names: `refs/` and then a valid branch-like path. */
function checkRefName(ref: string): string {
  if (!ref.startsWith('refs/')) throw new StoreError('invalid-branch', `Invalid ref name ${JSON.stringify(ref)}.`, { ref });
  checkBranchName(ref.slice('refs/'.length));
  return ref;
}

/** Branch names follow git's rules for ref path segments, kept simple. */
function checkBranchName(name: string): void {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name) || name.includes('..') || name.endsWith('.lock')) {
    throw new StoreError('invalid-branch', `Invalid branch name ${JSON.stringify(name)}.`, { name });
  }
}

/** Every backend call after close fails with RepoClosedError instead of touching a closed DB. */
function guard(backend: Backend, isClosed: () => boolean, name: string): Backend {
  // Methods are called on `backend` itself, so a class-based backend keeps its `this`.
  const check = <K extends Exclude<keyof Backend, 'close'>>(method: K): Backend[K] =>
    ((...args: Parameters<Backend[K]>) =>
      isClosed() ? Promise.reject(new RepoClosedError(name)) : (backend[method] as (...a: Parameters<Backend[K]>) => ReturnType<Backend[K]>)(...args)) as Backend[K];
  return {
    getObject: check('getObject'),
    getObjects: check('getObjects'),
    hasObjects: check('hasObjects'),
    putObjects: check('putObjects'),
    getRef: check('getRef'),
    listRefs: check('listRefs'),
    compareAndSetRef: check('compareAndSetRef'),
    close: () => backend.close(),
  };
}
