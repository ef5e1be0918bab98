// Walks what a store's refs reach, for tests that must prove nothing is missing or corrupt.
import { isTreeMode, listLinks, type Repo } from '../../src/store/index.ts';

/** Reads (and so verifies) every object every ref reaches; throws on the first one missing. */
export async function assertHeadComplete(repo: Repo): Promise<number> {
  return (await reachableFrom(repo, [...(await repo.git.refs.list()).values()])).size;
}

/** Every object `tips` reach, each read (and so verified); throws on the first one missing. */
export async function reachableFrom(repo: Repo, tips: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  const stack = [...tips];
  while (stack.length > 0) {
    const oid = stack.pop() as string;
    if (seen.has(oid)) continue;
    seen.add(oid);
    for (const link of listLinks(await repo.git.objects.read(oid))) stack.push(link.oid);
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
    for (const entry of await repo.git.objects.readTree(tree)) {
      const path = `${prefix}${entry.name}`;
      if (isTreeMode(entry.mode)) await walk(entry.oid, `${path}/`);
      else out[path] = new TextDecoder().decode((await repo.git.objects.read(entry.oid)).content);
    }
  };
  await walk((await repo.readCommit(head)).tree, '');
  return out;
}
