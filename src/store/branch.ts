import { StoreError } from './errors.ts';
import { isAncestor, mergeTrees } from './merge/index.ts';
import { writeCommit, type CommitOptions } from './commit-writer.ts';
import { readHistory } from './history.ts';
import { mergeBaseTree } from './merge-commits.ts';
import { EMPTY_TREE, utf8 } from './objects/index.ts';
import { isOid, type Oid } from './oid.ts';
import { parsePath } from './path.ts';
import { branchRef, type RepoContext } from './repo-context.ts';
import { applyChanges, type ChangeSet } from './tree-edit.ts';
import type { Branch, CommitInfo, TransactionContext } from './types.ts';
import { listDirAt, readAllAt, readFileAt } from './view.ts';

const toBytes = (data: Uint8Array | string): Uint8Array => (typeof data === 'string' ? utf8(data) : data);

/** A handle on branch `name`; every read sees the head as it is at that moment. */
export function createBranch(context: RepoContext, name: string): Branch {
  const ref = branchRef(name);
  const { backend, store } = context;

  const treeOf = async (head: Oid | undefined): Promise<Oid> => (head === undefined ? EMPTY_TREE : (await store.readCommit(head)).tree);
  const headTree = async (): Promise<Oid> => treeOf(await backend.getRef(ref));

  const commitChanges = (changes: ChangeSet, info: CommitInfo, options?: CommitOptions): Promise<Oid> =>
    writeCommit(context, ref, (staging, tree) => applyChanges(staging, tree, changes, parsePath), info, options);

  const resolveCommit = async (from: string): Promise<Oid> => {
    if (isOid(from)) {
      await store.readCommit(from);
      return from;
    }
    const head = await backend.getRef(branchRef(from));
    if (head === undefined) throw new StoreError('object-not-found', `No branch or commit named ${JSON.stringify(from)}.`, { from });
    return head;
  };

  return {
    name,
    head: () => backend.getRef(ref),
    get: async (path) => readFileAt(store, await headTree(), path),
    list: async (dir = '') => listDirAt(store, await headTree(), dir),
    getAll: async (dir = '') => readAllAt(store, await headTree(), dir),

    async set(path, data, info) {
      parsePath(path);
      return commitChanges(new Map([[path, toBytes(data)]]), info);
    },

    async remove(path, info) {
      parsePath(path);
      return commitChanges(new Map([[path, null]]), info);
    },

    async transaction(fn, info) {
      const changes: ChangeSet = new Map();
      // The files are read at this head, so the change is made from it (see CommitOptions.madeFrom).
      const startHead = await backend.getRef(ref);
      const startTree = await treeOf(startHead);
      const tx: TransactionContext = {
        set(path, data) {
          parsePath(path);
          changes.delete(path); // re-insert so the latest change is applied last
          changes.set(path, toBytes(data));
        },
        remove(path) {
          parsePath(path);
          changes.delete(path);
          changes.set(path, null);
        },
        async get(path) {
          const staged = changes.get(path);
          if (staged !== undefined) return staged ?? undefined;
          return readFileAt(store, startTree, path);
        },
      };
      await fn(tx);
      return commitChanges(changes, info, { madeFrom: { head: startHead } });
    },

    history: async (options) => readHistory(store, await backend.getRef(ref), options),

    async revert(commitId, info) {
      const target = await resolveCommit(commitId);
      const reverted = await store.readCommit(target);
      const parent = reverted.parents[0];
      const parentTree = parent === undefined ? EMPTY_TREE : (await store.readCommit(parent)).tree;
      // Three-way: base = the reverted commit, ours = now, theirs = before it. Later edits stay.
      return writeCommit(
        context,
        ref,
        async (staging, tree) => (await mergeTrees(staging, reverted.tree, tree, parentTree, context.merge)).tree ?? (await staging.writeTree([])),
        info,
      );
    },

    async merge(from, info) {
      const other = await resolveCommit(from);
      for (;;) {
        const head = await backend.getRef(ref);
        if (head !== undefined && (await isAncestor(store, other, head))) return head;
        if (head === undefined || (await isAncestor(store, head, other))) {
          if (await backend.compareAndSetRef(ref, head, other, [])) {
            context.notifier.announce(ref, other);
            return other;
          }
          continue; // the head moved meanwhile: look again
        }
        return writeCommit(
          context,
          ref,
          async (staging, tree, current) => {
            const base = current === undefined ? EMPTY_TREE : await mergeBaseTree(staging, current, other, context.merge);
            const theirs = (await store.readCommit(other)).tree;
            return (await mergeTrees(staging, base, tree, theirs, context.merge)).tree ?? (await staging.writeTree([]));
          },
          info,
          { extraParents: [other] },
        );
      }
    },

    watch: (listener) => context.notifier.subscribe(ref, listener),
  };
}
