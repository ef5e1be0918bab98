// Walks what a store's refs reach, for tests that must prove nothing is missing or corrupt.
import { decodeCommit, decodeTree, isTreeMode, type Repo } from '../../src/store/index.ts';

/** Reads (and so verifies) every object every ref reaches; throws on the first one missing. */
export async function assertHeadComplete(repo: Repo): Promise<number> {
  return (await reachableFrom(repo, [...(await repo.refs.list()).values()])).size;
}

/** Every object `tips` reach, each read (and so verified); throws on the first one missing. */
export async function reachableFrom(repo: Repo, tips: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  const stack = [...tips];
  while (stack.length > 0) {
    const oid = stack.pop() as string;
    if (seen.has(oid)) continue;
    seen.add(oid);
    const object = await repo.objects.read(oid);
    if (object.type === 'commit') {
      const commit = decodeCommit(object.content);
      stack.push(commit.tree, ...commit.parents);
    } else if (object.type === 'tree') {
      for (const entry of decodeTree(object.content)) if (entry.mode !== '160000') stack.push(entry.oid);
    }
  }
  return seen;
}

/** Every file on `branch` at its head, path -> text. */
export async function readAllFiles(repo: Repo, branchName = 'main'): Promise<Record<string, string>> {
  const branch = await repo.branch(branchName);
  const head = await branch.head();
  const out: Record<string, string> = {};
  if (head === undefined) return out;
  const walk = async (tree: string, prefix: string): Promise<void> => {
    for (const entry of await repo.readTree(tree)) {
      const path = `${prefix}${entry.name}`;
      if (isTreeMode(entry.mode)) await walk(entry.oid, `${path}/`);
      else out[path] = new TextDecoder().decode((await repo.objects.read(entry.oid)).content);
    }
  };
  await walk((await repo.readCommit(head)).tree, '');
  return out;
}
