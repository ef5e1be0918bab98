import type { TreeEntry } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import { TimeSlice } from '../time-slice.ts';
import { listCommitsBetween } from './rev-list.ts';
import type { GraphSource } from './source.ts';
import { changedDecodedEntries, type TreeWithParents } from './tree-changes.ts';

/** Trees of a level (with their parents' trees) read and compared at a time: well under the tree cache's 4,096. */
const LEVEL_PART = 512;

/** Told how far a walk got: `done` of `total` commits. */
export type WalkProgress = (done: number, total: number) => void;

/**
 * The objects a side that holds `theirs` (and everything below them) lacks to hold `tips`: the
 * commits between (`git rev-list tips ^theirs`), and for each the trees and blobs of its tree
 * that no parent has at the same path. What a push sends, and with no `theirs`, everything an
 * export writes. Ids in `theirs` this store does not hold are passed over. Sub-trees equal to a
 * parent's are skipped unread, so one changed item costs a handful of objects whatever the
 * repository's size; trees are walked level by level, a few hundred of a level at a time, those
 * not cached read a group per transaction. Submodule entries are not followed.
 */
export async function listObjectsToSend(
  source: GraphSource,
  tips: readonly Oid[],
  theirs: readonly Oid[],
  onCommit: WalkProgress = () => undefined,
): Promise<Oid[]> {
  const unknown = new Set(await source.missing(theirs));
  const commits = await listCommitsBetween(source, tips, theirs.filter((oid) => !unknown.has(oid)));
  const out = new Set<Oid>();
  const slice = new TimeSlice(); // an export walks every tree: in slices, so the page keeps painting
  let level: TreeWithParents[] = [];
  // Parents first: a tree met again in a newer commit is skipped, so it must have been
  // compared with its own parent's tree (which holds less) the first time.
  const ordered = await parentsFirst(source, commits);
  for (const [done, oid] of ordered.entries()) {
    await slice.pause();
    out.add(oid);
    const commit = await source.readCommit(oid);
    const parentTrees = await Promise.all(commit.parents.map(async (p) => (await source.readCommit(p)).tree));
    if (!parentTrees.includes(commit.tree) && !out.has(commit.tree)) {
      out.add(commit.tree);
      level.push({ tree: commit.tree, parents: parentTrees });
    }
    onCommit(done + 1, ordered.length);
  }
  while (level.length > 0) {
    const next: TreeWithParents[] = [];
    // A few hundred trees of the level at a time, used as read: a level of thousands (an
    // export's root trees) would outgrow the tree cache and be read again one by one.
    for (let start = 0; start < level.length; start += LEVEL_PART) {
      const part = level.slice(start, start + LEVEL_PART);
      const decoded = await source.readTrees(part.flatMap(({ tree, parents }) => [tree, ...parents]));
      let at = 0;
      for (const { parents } of part) {
        await slice.pause();
        const entries = decoded[at++] as readonly TreeEntry[];
        const parentTrees = decoded.slice(at, (at += parents.length));
        for (const { oid, isTree, parentTrees: subParents } of changedDecodedEntries(entries, parentTrees)) {
          if (out.has(oid)) continue;
          out.add(oid);
          if (isTree) next.push({ tree: oid, parents: subParents });
        }
      }
    }
    level = next;
  }
  return [...out];
}

/** `commits` ordered so that each comes after those of its parents that are in the list. */
async function parentsFirst(source: GraphSource, commits: readonly Oid[]): Promise<Oid[]> {
  const listed = new Set(commits);
  const parents = new Map<Oid, Oid[]>();
  const slice = new TimeSlice();
  for (const oid of commits) {
    await slice.pause();
    parents.set(oid, (await source.readCommit(oid)).parents.filter((parent) => listed.has(parent)));
  }
  const ordered: Oid[] = [];
  const placed = new Set<Oid>();
  for (const start of commits) {
    const stack: Array<{ oid: Oid; next: number }> = [{ oid: start, next: 0 }];
    for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
      const waiting = parents.get(top.oid) ?? [];
      const parent = waiting[top.next];
      if (placed.has(top.oid)) {
        stack.pop();
      } else if (parent !== undefined) {
        top.next++;
        if (!placed.has(parent)) stack.push({ oid: parent, next: 0 });
      } else {
        placed.add(top.oid);
        ordered.push(top.oid);
        stack.pop();
      }
    }
  }
  return ordered;
}
