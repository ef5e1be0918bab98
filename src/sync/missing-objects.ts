import { FILE_MODE, isTreeMode, type Oid, type Repo, type TreeEntry } from '../store/index.ts';
import { ParentEntries } from './parent-entries.ts';

/** Commits the remote lacks: reachable from `tips`, not from the remote heads we hold. */
export async function listNewCommits(repo: Repo, tips: readonly Oid[], remoteHeads: readonly Oid[]): Promise<Oid[]> {
  const known: Oid[] = [];
  for (const oid of remoteHeads) if (await repo.objects.has(oid)) known.push(oid);
  return repo.listCommitsBetween(tips, known);
}

/** A tree to walk, with the trees at the same path in the commit's parents. */
interface Pending {
  tree: Oid;
  parents: Oid[];
}

/**
 * The objects the remote lacks to hold `commits`: each commit, and the trees and blobs of its
 * tree that no parent has at the same path. Sub-trees equal to a parent's are skipped unread,
 * so one changed item costs a handful of objects whatever the repository's size. Trees are
 * walked level by level, each level's uncached trees read in one transaction.
 */
export async function listObjectsToSend(repo: Repo, commits: readonly Oid[]): Promise<Oid[]> {
  const out = new Set<Oid>();
  let level: Pending[] = [];
  // Parents first: a tree met again in a newer commit is skipped, so it must have been
  // compared with its own parent's tree (which holds less) the first time.
  for (const oid of await parentsFirst(repo, commits)) {
    out.add(oid);
    const commit = await repo.readCommit(oid);
    const parentTrees = await Promise.all(commit.parents.map(async (p) => (await repo.readCommit(p)).tree));
    if (!parentTrees.includes(commit.tree) && !out.has(commit.tree)) {
      out.add(commit.tree);
      level.push({ tree: commit.tree, parents: parentTrees });
    }
  }
  while (level.length > 0) {
    await repo.readTrees(level.flatMap(({ tree, parents }) => [tree, ...parents]));
    const next: Pending[] = [];
    for (const { tree, parents } of level) {
      const parentEntries = await Promise.all(parents.map(async (oid) => new ParentEntries(await repo.readTree(oid))));
      for (const [position, entry] of (await repo.readTree(tree)).entries()) {
        if (entry.mode === FILE_MODE.gitlink || out.has(entry.oid)) continue;
        const same = parentEntries.map((p) => p.find(entry, position));
        if (same.some((p) => p?.oid === entry.oid)) continue;
        out.add(entry.oid);
        if (isTreeMode(entry.mode)) {
          const subParents = same.filter((p): p is TreeEntry => p !== undefined && isTreeMode(p.mode)).map((p) => p.oid);
          next.push({ tree: entry.oid, parents: subParents });
        }
      }
    }
    level = next;
  }
  return [...out];
}

/** `commits` ordered so that each comes after those of its parents that are in the list. */
async function parentsFirst(repo: Repo, commits: readonly Oid[]): Promise<Oid[]> {
  const listed = new Set(commits);
  const parents = new Map<Oid, Oid[]>();
  for (const oid of commits) parents.set(oid, (await repo.readCommit(oid)).parents.filter((parent) => listed.has(parent)));
  const ordered: Oid[] = [];
  const placed = new Set<Oid>();
  for (const start of commits) {
    const stack: Array<{ oid: Oid; next: number }> = [{ oid: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { oid: Oid; next: number };
      const pending = parents.get(top.oid) as Oid[];
      if (placed.has(top.oid)) {
        stack.pop();
      } else if (top.next < pending.length) {
        const parent = pending[top.next++] as Oid;
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
