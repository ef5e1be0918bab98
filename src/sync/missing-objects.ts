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
  for (const oid of commits) {
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
