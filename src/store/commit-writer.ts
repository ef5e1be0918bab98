import { RefContentionError } from './errors.ts';
import { mergeTrees } from './merge/index.ts';
import { EMPTY_TREE, encodeCommit, type CommitData, type Signature } from './objects/index.ts';
import { Staging } from './staging.ts';
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

/** How a commit is made, beyond its tree and message. */
export interface CommitOptions {
  /** Parents after the head (a merge commit's other side). */
  extraParents?: readonly Oid[];
  /**
   * The head the change was made from (`{ head: undefined }`: the branch did not exist), when
   * the caller read files there to make it (a transaction). Should the head have moved since,
   * the change is merged three-way onto it with this head as base, never built again on it:
   * built again, its whole files would overwrite what the other writer changed in them.
   */
  madeFrom?: { head: Oid | undefined };
}

/**
 * Makes one commit on `ref` and moves the head to it by compare-and-set, in the same
 * transaction that stores its objects. The change is built against the head it was made from
 * (`options.madeFrom`), else against the head as it is when this is called; when another writer
 * (another tab, another handle, a sync) moves the head first, the change is merged three-way onto
 * the new head and tried again, so neither writer's change is lost. A loser waits a little before
 * trying again, and one that keeps losing asks every writer to take turns (see TurnTaking).
 * Returns the new head, or the head it was built on when the change changes nothing.
 */
export async function writeCommit(context: RepoContext, ref: string, build: TreeBuilder, info: CommitInfo, options: CommitOptions = {}): Promise<Oid> {
  const { backend, turns, notifier } = context;
  const extraParents = options.extraParents ?? [];
  if (options.madeFrom) {
    const attempts = await prepare(context, ref, build, info, extraParents, options.madeFrom.head);
    return typeof attempts === 'string' ? attempts : runInTurn(context, ref, attempts);
  }
  // The head this handle last saw, unless another said it moved it: no transaction to read it.
  // Should it have moved all the same, the change (made from no read of files) is built again on
  // the head as it is, exactly as if that had been read: a missed move never turns into a merge.
  const seen = turns.active(ref) ? undefined : notifier.lastHead(ref);
  if (seen) {
    const prepared = await prepare(context, ref, build, info, extraParents, seen.head);
    if (typeof prepared !== 'string') {
      const won = await prepared.tryAsBuilt();
      if (won !== undefined) return won;
    }
    notifier.forget(ref);
  }
  const head = await backend.getRef(ref);
  notifier.saw(ref, head);
  const attempts = await prepare(context, ref, build, info, extraParents, head);
  return typeof attempts === 'string' ? attempts : runInTurn(context, ref, attempts);
}

/** Tries `attempts` until one wins: a few tries with backoff, then in turns with every writer. */
async function runInTurn(context: RepoContext, ref: string, attempts: CommitAttempts): Promise<Oid> {
  const { turns } = context;
  // In its turn a writer loses only to writers that see no turns: the window lapsed while it
  // waited in the queue. It asks again, so they queue too instead of winning every try.
  const inTurn = (count: number): Promise<Oid> =>
    turns.take(ref, async () => (await attempts.run(count, () => turns.ask(ref))) ?? contended(ref));
  // Writers are taking turns: wait for ours; what moved meanwhile is merged in on the first try.
  if (turns.active(ref)) return inTurn(MAX_ATTEMPTS);
  const won = await attempts.run(LOSSES_BEFORE_TURNS, (losses) => turns.backOff(losses));
  if (won !== undefined) return won;
  turns.ask(ref);
  return inTurn(MAX_ATTEMPTS - LOSSES_BEFORE_TURNS);
}

/** The change built on `head`: its attempts, or `head` itself when the change changes nothing. */
async function prepare(
  context: RepoContext,
  ref: string,
  build: TreeBuilder,
  info: CommitInfo,
  extraParents: readonly Oid[],
  head: Oid | undefined,
): Promise<CommitAttempts | Oid> {
  const staging = new Staging(context.store);
  const baseTree = head === undefined ? EMPTY_TREE : (await context.store.readCommit(head)).tree;
  const tree = await build(staging, baseTree, head);
  if (head !== undefined && tree === baseTree && extraParents.length === 0) return head;
  const author = makeSignature(info, context.author);
  return new CommitAttempts(context, ref, staging, { head, baseTree, tree }, { author, message: normalizeMessage(info.message), extraParents });
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

  /** One try of the change as built, never merged: the new head, or `undefined` when the head had moved. */
  async tryAsBuilt(): Promise<Oid | undefined> {
    const { head, tree } = this.position;
    const { author, message, extraParents } = this.commit;
    const parents = head === undefined ? [...extraParents] : [head, ...extraParents];
    return this.commitOnHead({ tree, parents, author, committer: author, message });
  }

  /** Up to `count` tries: the new head, or `undefined` when every one lost. `beforeRetry` runs between tries. */
  async run(count: number, beforeRetry: (losses: number) => Promise<void> | void): Promise<Oid | undefined> {
    for (let i = 0; i < count; i++) {
      const result = await this.attempt();
      if (result !== 'lost') return result;
      this.losses++;
      if (i < count - 1) await beforeRetry(this.losses);
    }
    return undefined;
  }

  /** One try: the new head, `'lost'` to try again, or the winner's head when it holds our change. */
  private async attempt(): Promise<Oid | 'lost'> {
    const { backend, store, notifier, merge } = this.context;
    const won = await this.tryAsBuilt();
    if (won !== undefined) return won;
    const { baseTree, tree } = this.position;
    const { extraParents } = this.commit;
    // Lost the race: fold our change (base -> tree) into whatever is there now.
    const newHead = await backend.getRef(this.ref);
    notifier.saw(this.ref, newHead);
    const newTree = newHead === undefined ? EMPTY_TREE : (await store.readCommit(newHead)).tree;
    const merged = (await mergeTrees(this.staging, baseTree, tree, newTree, merge)).tree ?? (await this.staging.writeTree([]));
    // The other writer already made the same change: nothing of ours is missing.
    if (newHead !== undefined && merged === newTree && extraParents.length === 0) return newHead;
    this.position = { head: newHead, baseTree: newTree, tree: merged };
    return 'lost';
  }

  /** Stores the commit and moves the head to it, if the head is still the one it was built on. */
  private async commitOnHead(commit: CommitData): Promise<Oid | undefined> {
    const { backend, store, notifier } = this.context;
    const oid = await this.staging.writeObject('commit', encodeCommit(commit));
    if (!(await backend.compareAndSetRef(this.ref, this.position.head, oid, this.staging.reachableFrom(oid)))) return undefined;
    store.rememberCommit(oid, commit);
    notifier.announce(this.ref, oid);
    return oid;
  }
}

function contended(ref: string): never {
  throw new RefContentionError(ref, MAX_ATTEMPTS);
}
