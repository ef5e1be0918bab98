import { RefContentionError } from './errors.ts';
import { mergeTrees } from './merge/index.ts';
import { EMPTY_TREE, encodeCommit, type CommitData } from './objects/index.ts';
import { Staging } from './object-store.ts';
import type { Oid } from './oid.ts';
import type { RepoContext } from './repo-context.ts';
import { makeSignature, normalizeMessage } from './signature.ts';
import type { CommitInfo } from './types.ts';

/** How often a commit that lost the race for its branch head is merged and tried again. */
const MAX_ATTEMPTS = 50;
/** Lost races after which a writer asks every tab to take turns. */
const LOSSES_BEFORE_TURNS = 3;

/** Builds the new root tree from the head (and its tree), staging any new objects. */
export type TreeBuilder = (staging: Staging, headTree: Oid, head: Oid | undefined) => Promise<Oid>;

/**
 * Makes one commit on `ref` and moves the head to it by compare-and-set, in the same
 * transaction that stores its objects. When another writer (another tab) moved the head
 * first, this change is merged three-way onto the new head and tried again, so neither
 * writer's change is lost. A writer that keeps losing asks every tab to take turns (see
 * TurnTaking). Returns the new head, or the old one when nothing changed.
 */
export async function writeCommit(
  context: RepoContext,
  ref: string,
  build: TreeBuilder,
  info: CommitInfo,
  extraParents: readonly Oid[] = [],
): Promise<Oid> {
  const { turns } = context;
  if (turns.active(ref)) return turns.take(ref, () => writeAttempts(context, ref, build, info, extraParents, true));
  return writeAttempts(context, ref, build, info, extraParents, false);
}

/**
 * The commit's attempts. Each lost race folds the change (base -> tree) into the new head, so
 * a retry never overwrites what the winner wrote; after LOSSES_BEFORE_TURNS losses, every tab
 * is asked to take turns and the remaining attempts wait for this one's.
 */
async function writeAttempts(
  context: RepoContext,
  ref: string,
  build: TreeBuilder,
  info: CommitInfo,
  extraParents: readonly Oid[],
  inTurn: boolean,
): Promise<Oid> {
  const { backend, store, turns } = context;
  const staging = new Staging(store);
  let head = await backend.getRef(ref);
  let baseTree = head === undefined ? EMPTY_TREE : (await store.readCommit(head)).tree;
  let tree = await build(staging, baseTree, head);
  if (head !== undefined && tree === baseTree && extraParents.length === 0) return head;
  const author = makeSignature(info, context.author);
  const message = normalizeMessage(info.message);
  /** One try: the new head, `'lost'` to try again, or the winner's head when it holds our change. */
  const attempt = async (): Promise<Oid | 'lost'> => {
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
    return 'lost';
  };
  const attempts = async (count: number): Promise<Oid | undefined> => {
    for (let i = 0; i < count; i++) {
      const result = await attempt();
      if (result !== 'lost') return result;
    }
    return undefined;
  };
  const won = await attempts(LOSSES_BEFORE_TURNS);
  if (won !== undefined) return won;
  turns.ask(ref);
  const rest = async (): Promise<Oid> => (await attempts(MAX_ATTEMPTS - LOSSES_BEFORE_TURNS)) ?? contended(ref);
  // Web Locks are not re-entrant: inside a turn, go on holding it.
  return inTurn ? rest() : turns.take(ref, rest);
}

function contended(ref: string): never {
  throw new RefContentionError(ref, MAX_ATTEMPTS);
}
