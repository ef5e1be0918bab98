import {
  decodeCommit,
  decodeTagTarget,
  decodeTree,
  findTreeProblem,
  type CommitData,
  type GitObject,
  type ObjectType,
  type TreeEntry,
} from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import { TimeSlice } from '../time-slice.ts';
import type { GraphSource } from './source.ts';
import { changedDecodedEntries, changedEntries, type ChangedEntry, type TreeWithParents } from './tree-changes.ts';

/** How deep trees may nest below a commit's root tree: git's `core.maxTreeDepth` default. */
export const MAX_TREE_DEPTH = 4096;

/**
 * Why a set of objects is not closed, or not fit to store:
 * - `missing`: an object is linked (or is a tip) that is neither in the set nor stored;
 * - `wrong-type`: an object of the set is linked as another type (a commit whose tree is a blob);
 * - `malformed`: a commit, tree or tag of the set cannot be decoded, or a tree breaks git's rules
 *   (see `findTreeProblem`: `.`, `..`, `.git`, duplicate or unsorted names, zero-padded modes);
 * - `too-deep`: trees nest deeper than {@link MAX_TREE_DEPTH} below a commit's root.
 */
export type ClosureProblem =
  | { kind: 'missing'; oid: Oid }
  | { kind: 'wrong-type'; oid: Oid; expected: ObjectType; actual: ObjectType; from: Oid }
  | { kind: 'malformed'; oid: Oid; type: ObjectType; reason: string }
  | { kind: 'too-deep'; oid: Oid; limit: number };

/**
 * Checks that objects arriving together (a fetched pack, an imported bundle) leave no hole: every
 * tip, and everything the set's commits, trees and tags link to, is in the set or already stored
 * (git's connectivity check; what is stored is complete below itself, and the empty tree is always
 * there). Every tree of the set must also follow git's rules, and nest at most MAX_TREE_DEPTH deep.
 * Each commit's trees are compared with its parents' level by level, and an entry equal to a
 * parent's is known present without a look-up, so the cost follows what changed, not the size of
 * the trees. Returns the first problem found, or `undefined`; reads, never writes.
 */
export async function checkClosed(
  source: GraphSource,
  incoming: ReadonlyMap<Oid, GitObject>,
  tips: readonly Oid[],
): Promise<ClosureProblem | undefined> {
  try {
    await new ClosureCheck(source, incoming).run(tips);
    return undefined;
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

/** Thrown inside the check to stop at the first problem; never leaves it. */
class Refusal {
  constructor(readonly problem: ClosureProblem) {}
}

/** A tree of the set to walk, and how deep it lies (1 for a commit's root tree). */
type Pending = TreeWithParents & { depth: number };

class ClosureCheck {
  /** Linked ids that are not in the set: each must be stored. */
  private readonly outside = new Set<Oid>();
  private readonly commits = new Map<Oid, CommitData>();
  private readonly trees = new Map<Oid, readonly TreeEntry[]>();
  /** Thousands of objects are checked in slices, so the page keeps painting meanwhile. */
  private readonly slice = new TimeSlice();

  constructor(
    private readonly source: GraphSource,
    private readonly incoming: ReadonlyMap<Oid, GitObject>,
  ) {}

  async run(tips: readonly Oid[]): Promise<void> {
    for (const [oid, object] of this.incoming) {
      if (object.type !== 'tree') continue;
      if (this.slice.due()) await this.slice.next();
      const reason = findTreeProblem(object.content);
      if (reason !== undefined) throw new Refusal({ kind: 'malformed', oid, type: 'tree', reason });
    }
    const level: Pending[] = [];
    for (const tip of tips) {
      if (!this.incoming.has(tip)) this.outside.add(tip);
      else if (this.incoming.get(tip)?.type === 'tree') level.push({ tree: tip, parents: [], depth: 1 });
    }
    for (const [oid, object] of this.incoming) {
      if (this.slice.due()) await this.slice.next();
      if (object.type === 'commit') {
        const root = await this.linkCommit(oid);
        if (root) level.push(root);
      } else if (object.type === 'tag') {
        const target = this.decode(oid, object, decodeTagTarget);
        this.need(target.oid, target.type, oid);
        if (target.type === 'tree' && this.incoming.has(target.oid)) level.push({ tree: target.oid, parents: [], depth: 1 });
      }
    }
    await this.walkTrees(level);
    const [missing] = await this.source.missing([...this.outside]);
    if (missing !== undefined) throw new Refusal({ kind: 'missing', oid: missing });
  }

  /** Links a commit of the set; returns its root tree to walk when that tree is in the set too. */
  private async linkCommit(oid: Oid): Promise<Pending | undefined> {
    const commit = this.commit(oid);
    this.need(commit.tree, 'tree', oid);
    for (const parent of commit.parents) this.need(parent, 'commit', oid);
    if (!this.incoming.has(commit.tree)) return undefined;
    // A parent this device lacks is reported as missing; its tree then proves nothing.
    const parents = await Promise.all(commit.parents.map((parent) => this.treeOfCommit(parent)));
    return { tree: commit.tree, parents: parents.filter((tree): tree is Oid => tree !== undefined), depth: 1 };
  }

  /** Walks the set's trees level by level, from commits' roots down to what they changed. */
  private async walkTrees(start: Pending[]): Promise<void> {
    const visitedAt = new Map<Oid, number>();
    for (let level = start; level.length > 0; ) {
      // Parent trees this device holds are read in one transaction per level.
      await this.source.readTrees([...new Set(level.flatMap(({ parents }) => parents.filter((p) => !this.incoming.has(p))))]);
      const next: Pending[] = [];
      for (const pending of level) {
        if (this.slice.due()) await this.slice.next();
        // A tree met again deeper down is walked again, so no nesting escapes the depth limit.
        if ((visitedAt.get(pending.tree) ?? 0) >= pending.depth) continue;
        if (pending.depth > MAX_TREE_DEPTH) throw new Refusal({ kind: 'too-deep', oid: pending.tree, limit: MAX_TREE_DEPTH });
        visitedAt.set(pending.tree, pending.depth);
        for (const { oid, isTree, parentTrees } of await this.changes(pending)) {
          this.need(oid, isTree ? 'tree' : 'blob', pending.tree);
          if (isTree && this.incoming.has(oid)) next.push({ tree: oid, parents: parentTrees, depth: pending.depth + 1 });
        }
      }
      level = next;
    }
  }

  /** The entries of a pending tree that none of its parents has: compared as bytes when all are in the set. */
  private async changes({ tree, parents }: Pending): Promise<ChangedEntry[]> {
    if (parents.length > 0 && parents.every((parent) => this.incoming.has(parent))) {
      const fast = changedEntries(this.treeContent(tree, tree), parents.map((parent) => this.treeContent(parent, tree)));
      if (fast) return fast;
    }
    const parentTrees = await Promise.all(parents.map(async (parent) => (this.incoming.has(parent) ? this.tree(parent, tree) : this.source.readTree(parent))));
    return changedDecodedEntries(this.tree(tree, tree), parentTrees);
  }

  /** `oid` must be there as a `type`: checked now when in the set, else looked up at the end. */
  private need(oid: Oid, type: ObjectType, from: Oid): void {
    const object = this.incoming.get(oid);
    if (object === undefined) this.outside.add(oid);
    else if (object.type !== type) throw new Refusal({ kind: 'wrong-type', oid, expected: type, actual: object.type, from });
  }

  private async treeOfCommit(oid: Oid): Promise<Oid | undefined> {
    if (this.incoming.has(oid)) return this.commit(oid).tree;
    return (await this.source.readCommit(oid).catch(() => undefined))?.tree;
  }

  private commit(oid: Oid): CommitData {
    let commit = this.commits.get(oid);
    if (!commit) this.commits.set(oid, (commit = this.decode(oid, this.incoming.get(oid) as GitObject, decodeCommit)));
    return commit;
  }

  private tree(oid: Oid, from: Oid): readonly TreeEntry[] {
    let entries = this.trees.get(oid);
    if (!entries) this.trees.set(oid, (entries = this.decode(oid, this.incomingTree(oid, from), decodeTree)));
    return entries;
  }

  /** A tree of the set's bytes. */
  private treeContent(oid: Oid, from: Oid): Uint8Array {
    return this.incomingTree(oid, from).content;
  }

  /** An object of the set that `from` links to as a tree (a parent's sub-tree may not have been linked yet). */
  private incomingTree(oid: Oid, from: Oid): GitObject {
    this.need(oid, 'tree', from);
    return this.incoming.get(oid) as GitObject;
  }

  private decode<T>(oid: Oid, object: GitObject, decode: (content: Uint8Array) => T): T {
    try {
      return decode(object.content);
    } catch (error) {
      throw new Refusal({ kind: 'malformed', oid, type: object.type, reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
