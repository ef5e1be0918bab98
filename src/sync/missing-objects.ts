import { FILE_MODE, isTreeMode, treeEntryKey, type Oid, type Repo, type TreeEntry } from '../store/index.ts';

/** Commits the remote lacks: reachable from `tips`, not from the remote heads we hold. */
export async function listNewCommits(repo: Repo, tips: readonly Oid[], remoteHeads: readonly Oid[]): Promise<Oid[]> {
  const known: Oid[] = [];
  for (const oid of remoteHeads) if (await repo.objects.has(oid)) known.push(oid);
  return repo.listCommitsBetween(tips, known);
}

/**
 * The objects the remote lacks to hold `commits`: each commit, and the trees and blobs of its
 * tree that no parent has at the same path. Sub-trees equal to a parent's are skipped unread,
 * so one changed item costs a handful of objects whatever the repository's size.
 */
export async function listObjectsToSend(repo: Repo, commits: readonly Oid[]): Promise<Oid[]> {
  const out = new Set<Oid>();
  for (const oid of commits) {
    out.add(oid);
    const commit = await repo.readCommit(oid);
    const parentTrees = await Promise.all(commit.parents.map(async (p) => (await repo.readCommit(p)).tree));
    if (!parentTrees.includes(commit.tree)) {
      out.add(commit.tree);
      await addNewEntries(repo, commit.tree, parentTrees, out);
    }
  }
  return [...out];
}

async function addNewEntries(repo: Repo, tree: Oid, parentTrees: readonly Oid[], out: Set<Oid>): Promise<void> {
  const parents = await Promise.all(parentTrees.map((oid) => entriesByName(repo, oid)));
  for (const entry of await repo.readTree(tree)) {
    if (entry.mode === FILE_MODE.gitlink || out.has(entry.oid)) continue;
    const same = parents.map((p) => p.get(treeEntryKey(entry)));
    if (same.some((p) => p?.oid === entry.oid)) continue;
    out.add(entry.oid);
    if (isTreeMode(entry.mode)) {
      const subParents = same.filter((p): p is TreeEntry => p !== undefined && isTreeMode(p.mode)).map((p) => p.oid);
      await addNewEntries(repo, entry.oid, subParents, out);
    }
  }
}

async function entriesByName(repo: Repo, tree: Oid): Promise<Map<string, TreeEntry>> {
  return new Map((await repo.readTree(tree)).map((entry) => [treeEntryKey(entry), entry]));
}
