import { RefContentionError } from './errors.ts';
import { mergeTrees } from './merge/index.ts';
import { EMPTY_TREE, encodeCommit, type CommitData, type Signature } from './objects/index.ts';
import { Staging } from './object-store.ts';
import type { Oid } from './oid.ts';
import type { RepoContext } from './repo-context.ts';
import { makeSignature, normalizeMessage } from './signature.ts';
import type { CommitInfo } from './types.ts';

/** How often a commit that lost the race for its branch head is merged and tried again. */
const MAX_ATTEMPTS = 50;
/** Lost races after which a writer asks every writer (tabs, handles) to take turns. */
const LOSSES_BEFORE_TURNS = 3;

/** Builds the new root tree from the head (and its tree), staging any new objects. */
export type TreeBuilder = (staging: Staging, headTree: Oid, head: Oid | undefined) => Promise<Oid>;

/**
 * Makes one commit on `ref` and moves the head to it by compare-and-set, in the same
 * transaction that stores its objects. The change is built against the head as it is when this
 * is called; when another writer (another tab, another handle) moves the head first, the change
 * is merged three-way onto the new head and tried again, so neither writer's change is lost. A
 * loser waits a little before trying again, and one that keeps losing asks every writer to take
 * turns (see TurnTaking). Returns the new head, or the old one when nothing changed.
 */
export async function writeCommit(
  context: RepoContext,
  ref: string,
  build: TreeBuilder,
  info: CommitInfo,
  extraParents: readonly Oid[] = [],
): Promise<Oid> {
  const { backend, store, turns } = context;
  const staging = new Staging(store);
  const head = await backend.getRef(ref);
  const baseTree = head === undefined ? EMPTY_TREE : (await store.readCommit(head)).tree;
  const tree = await build(staging, baseTree, head);
  if (head !== undefined && tree === baseTree && extraParents.length === 0) return head;
  const author = makeSignature(info, context.author);
  const attempts = new CommitAttempts(context, ref, staging, { head, baseTree, tree }, { author, message: normalizeMessage(info.message), extraParents });
  // Writers are taking turns: wait for ours; what moved meanwhile is merged in on the first try.
  if (turns.active(ref)) return turns.take(ref, async () => (await attempts.run(MAX_ATTEMPTS, false)) ?? contended(ref));
  const won = await attempts.run(LOSSES_BEFORE_TURNS, true);
  if (won !== undefined) return won;
  turns.ask(ref);
  return turns.take(ref, async () => (await attempts.run(MAX_ATTEMPTS - LOSSES_BEFORE_TURNS, false)) ?? contended(ref));
}

/** Where a change stands: the head it is made on, that head's tree, and the tree it makes. */
interface Position {
  head: Oid | undefined;
  baseTree: Oid;
  tree: Oid;
}

/** The tries of one commit; each lost race folds the change into the new head. */
class CommitAttempts {
  private losses = 0;

  constructor(
    private readonly context: RepoContext,
    private readonly ref: string,
    private readonly staging: Staging,
    private position: Position,
    private readonly commit: { author: Signature; message: string; extraParents: readonly Oid[] },
  ) {}

  /** Up to `count` tries: the new head, or `undefined` when every one lost. Lost tries wait first when `backOff`. */
  async run(count: number, backOff: boolean): Promise<Oid | undefined> {
    for (let i = 0; i < count; i++) {
      const result = await this.attempt();
      if (result !== 'lost') return result;
      this.losses++;
      if (backOff && i < count - 1) await this.context.turns.backOff(this.losses);
    }
    return undefined;
  }

  /** One try: the new head, `'lost'` to try again, or the winner's head when it holds our change. */
  private async attempt(): Promise<Oid | 'lost'> {
    const { backend, store, notifier, merge } = this.context;
    const { head, baseTree, tree } = this.position;
    const { author, message, extraParents } = this.commit;
    const parents = head === undefined ? [...extraParents] : [head, ...extraParents];
    const commit: CommitData = { tree, parents, author, committer: author, message };
    const oid = this.staging.writeObject('commit', encodeCommit(commit));
    if (await backend.compareAndSetRef(this.ref, head, oid, this.staging.reachableFrom(oid))) {
      store.rememberCommit(oid, commit);
      notifier.announce(this.ref, oid);
      return oid;
    }
    // Lost the race: fold our change (base -> tree) into whatever is there now.
    const newHead = await backend.getRef(this.ref);
    const newTree = newHead === undefined ? EMPTY_TREE : (await store.readCommit(newHead)).tree;
    const merged = (await mergeTrees(this.staging, baseTree, tree, newTree, merge)).tree ?? this.staging.writeTree([]);
    // The other writer already made the same change: nothing of ours is missing.
    if (newHead !== undefined && merged === newTree && extraParents.length === 0) return newHead;
    this.position = { head: newHead, baseTree: newTree, tree: merged };
    return 'lost';
  }
}

function contended(ref: string): never {
  throw new RefContentionError(ref, MAX_ATTEMPTS);
}
