import { decodeCommit, decodeTree, FILE_MODE, isTreeMode, type GitObject, type Oid, type Repo } from '../../store/index.ts';
import { readObjectOrEmptyTree } from './empty-tree.ts';

/**
 * Every object reachable from `heads`, each once: the commits (newest first, as
 * `listCommitsBetween` gives them), then each commit's trees and blobs not met before.
 * Sub-trees already collected are not walked again, so the cost follows the number of
 * distinct objects, not commits times files. Submodule entries (gitlinks) are not followed.
 * Reads go through `repo.objects.read`, which checks every object against its id; the empty
 * tree, which the store need not hold, is made up.
 */
export async function collectObjects(repo: Repo, heads: readonly Oid[], onCommit: (done: number, total: number) => void): Promise<GitObject[]> {
  const commits = await repo.listCommitsBetween(heads, []);
  const seen = new Set<Oid>(commits);
  const commitObjects: GitObject[] = [];
  const contents: GitObject[] = [];
  for (const [i, oid] of commits.entries()) {
    const commit = await repo.objects.read(oid);
    commitObjects.push(commit);
    const { tree } = decodeCommit(commit.content);
    if (!seen.has(tree)) {
      seen.add(tree);
      await collectTree(repo, tree, seen, contents);
    }
    onCommit(i + 1, commits.length);
  }
  return [...commitObjects, ...contents];
}

/** Adds tree `oid` and whatever below it is not in `seen` yet, depth first. */
async function collectTree(repo: Repo, oid: Oid, seen: Set<Oid>, out: GitObject[]): Promise<void> {
  const tree = await readObjectOrEmptyTree(repo, oid);
  out.push(tree);
  const fresh = decodeTree(tree.content).filter((entry) => {
    if (entry.mode === FILE_MODE.gitlink || seen.has(entry.oid)) return false;
    seen.add(entry.oid);
    return true;
  });
  const blobs = fresh.filter((entry) => !isTreeMode(entry.mode));
  out.push(...(await Promise.all(blobs.map((entry) => repo.objects.read(entry.oid)))));
  for (const entry of fresh) if (isTreeMode(entry.mode)) await collectTree(repo, entry.oid, seen, out);
}
