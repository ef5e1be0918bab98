import { RefContentionError } from './errors.ts';
import { mergeTrees } from './merge/index.ts';
import { encodeCommit, type CommitData } from './objects/index.ts';
import { EMPTY_TREE, Staging } from './object-store.ts';
import type { Oid } from './oid.ts';
import type { RepoContext } from './repo-context.ts';
import { makeSignature, normalizeMessage } from './signature.ts';
import type { CommitInfo } from './types.ts';

/** How often a commit that lost the race for its branch head is merged and tried again. */
const MAX_ATTEMPTS = 50;

/** Builds the new root tree from the head (and its tree), staging any new objects. */
export type TreeBuilder = (staging: Staging, headTree: Oid, head: Oid | undefined) => Promise<Oid>;

/**
 * Makes one commit on `ref` and moves the head to it by compare-and-set, in the same
 * transaction that stores its objects. When another writer (another tab) moved the head
 * first, this change is merged three-way onto the new head and tried again, so neither
 * writer's change is lost. Returns the new head, or the old one when nothing changed.
 */
export function writeCommit(
  context: RepoContext,
  ref: string,
  build: TreeBuilder,
  info: CommitInfo,
  extraParents: readonly Oid[] = [],
): Promise<Oid> {
  return withRefLock(context.name, ref, () => writeCommitRacing(context, ref, build, info, extraParents));
}

/**
 * Runs `fn` holding a lock on `ref` shared by every tab of the origin (Web Locks), so writers
 * take turns: without it, a tab whose commit lost the race merges and tries again while the
 * other tabs keep committing, and can lose every time. Where Web Locks are missing (Node),
 * writers race, and compare-and-set alone keeps every change.
 */
async function withRefLock(repo: string, ref: string, fn: () => Promise<Oid>): Promise<Oid> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return fn();
  return await locks.request(`taskgit-store:${repo}:${ref}`, fn);
}

async function writeCommitRacing(
  context: RepoContext,
  ref: string,
  build: TreeBuilder,
  info: CommitInfo,
  extraParents: readonly Oid[],
): Promise<Oid> {
  const { backend, store } = context;
  const staging = new Staging(store);
  let head = await backend.getRef(ref);
  let baseTree = head === undefined ? EMPTY_TREE : (await store.readCommit(head)).tree;
  let tree = await build(staging, baseTree, head);
  if (head !== undefined && tree === baseTree && extraParents.length === 0) return head;
  const author = makeSignature(info, context.author);
  const message = normalizeMessage(info.message);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const parents = head === undefined ? [...extraParents] : [head, ...extraParents];
    const commit: CommitData = { tree, parents, author, committer: author, message };
    const oid = staging.writeObject('commit', encodeCommit(commit));
    if (await backend.compareAndSetRef(ref, head, oid, staging.reachableFrom(oid))) {
      store.rememberCommit(oid, commit);
      context.notifier.announce(ref, oid);
      return oid;
    }
    // Lost the race: fold our change (base -> tree) into whatever is there now.
    const newHead = await backend.getRef(ref);
    const newTree = newHead === undefined ? EMPTY_TREE : (await store.readCommit(newHead)).tree;
    const merged = await mergeTrees(staging, baseTree, tree, newTree, context.merge);
    tree = merged.tree ?? staging.writeTree([]);
    // The other writer already made the same change: nothing of ours is missing.
    if (newHead !== undefined && tree === newTree && extraParents.length === 0) return newHead;
    head = newHead;
    baseTree = newTree;
  }
  throw new RefContentionError(ref, MAX_ATTEMPTS);
}
