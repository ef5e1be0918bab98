import { createBranch } from './branch.ts';
import { checkClosed, listCommitsBetween, listObjectsToSend } from './graph/index.ts';
import { decodeCommit, hashObject, wrapObject, type GitObject, type HashedObject } from './objects/index.ts';
import { parseOid, type Oid } from './oid.ts';
import { beginImport } from './object-import.ts';
import { checkBranchName, checkRefName } from './ref-names.ts';
import type { RepoContext } from './repo-context.ts';
import type { GitStore, ObjectGraph, RefAccess } from './types.ts';

/** The objects-and-refs view of an open repository (see {@link GitStore}). */
export function createGitStore(context: RepoContext): GitStore {
  const { name, backend, store, notifier } = context;

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

  const graph: ObjectGraph = {
    listCommitsBetween: (tips, exclude, options = {}) => listCommitsBetween(store, tips.map(parseOid), exclude.map(parseOid), options.limit),
    listObjectsToSend: (tips, theirs, options = {}) => listObjectsToSend(store, tips.map(parseOid), theirs.map(parseOid), options.onCommit),
    checkClosed: (incoming, tips) => checkClosed(store, incoming, tips.map(parseOid)),
  };

  return {
    name,
    objects: {
      read: (oid) => store.readObject(parseOid(oid)),
      readMany: async (oids) => store.readObjects(oids.map(parseOid)),
      readLoose: async (oids) => store.readLoose(oids.map(parseOid)),
      readCommit: (oid) => store.readCommit(parseOid(oid)),
      readTree: (oid) => store.readTree(parseOid(oid)),
      readTrees: async (oids) => store.readTrees(oids.map(parseOid)),
      has: async (oid) => (await store.missing([parseOid(oid)])).length === 0,
      missing: async (oids) => store.missing(oids.map(parseOid)),
      async write(objects) {
        const hashed = objects.map(({ type, content }) => hashObject(type, content));
        await storeObjects(hashed, objects);
        return hashed.map(({ oid }) => oid);
      },
      beginImport: () =>
        beginImport(
          backend,
          checkRefName,
          (ref, head) => notifier.announce(ref, head),
          (oid, raw) => store.rememberLooseCommit(oid, raw),
        ),
      writeHashed: (objects) =>
        storeObjects(
          objects.map(({ oid, type, content, raw }) => ({ oid: parseOid(oid), raw: raw ?? wrapObject(type, content) })),
          objects,
        ),
    },
    refs,
    graph,
    merge: async (branch, from, info) => createBranch(context, checkBranchName(branch)).merge(from, info),
  };
}
