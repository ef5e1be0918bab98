// The file changes between two trees, computed in the server from tree objects (a pushed pack's,
// or the repository's): only subtrees whose ids differ are read. Modes are the raw ones the
// trees hold, not git's canonical forms, so `100664` is seen as what it is.
import { isTreeMode, type TreeEntry } from '../../src/store/index.ts';
import type { FileChange } from './judge-changes.ts';

/** Reads a tree's entries; `undefined` when the object is missing or not a tree. */
export type ReadTree = (oid: string) => Promise<readonly TreeEntry[] | undefined>;

/** More paths than this in one diff is no comment push: stop reading. */
export class TooManyChangesError extends Error {
  readonly code = 'too-many-changes';
}

/**
 * The changes from tree `before` to tree `after` (`undefined`: the empty tree), sorted by path.
 * Throws {@link TooManyChangesError} past `limit` changes, and an Error for a missing tree.
 */
export async function diffTrees(before: string | undefined, after: string | undefined, readTree: ReadTree, limit: number): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  const entriesOf = async (oid: string | undefined, path: string): Promise<readonly TreeEntry[]> => {
    if (oid === undefined) return [];
    const entries = await readTree(oid);
    if (entries === undefined) throw new Error(`the tree ${oid} at "${path || '/'}" is missing`);
    return entries;
  };
  const push = (change: FileChange): void => {
    changes.push(change);
    if (changes.length > limit) throw new TooManyChangesError(`more than ${limit} files changed`);
  };
  const walk = async (a: string | undefined, b: string | undefined, prefix: string): Promise<void> => {
    const left = new Map((await entriesOf(a, prefix)).map((entry) => [entry.name, entry]));
    const right = new Map((await entriesOf(b, prefix)).map((entry) => [entry.name, entry]));
    for (const name of [...new Set([...left.keys(), ...right.keys()])].sort()) {
      const was = left.get(name);
      const now = right.get(name);
      if (was && now && was.oid === now.oid && was.mode === now.mode) continue;
      const path = `${prefix}${name}`;
      const wasTree = was !== undefined && isTreeMode(was.mode);
      const nowTree = now !== undefined && isTreeMode(now.mode);
      if (wasTree || nowTree) await walk(wasTree ? was.oid : undefined, nowTree ? now.oid : undefined, `${path}/`);
      const change: FileChange = { path };
      if (was && !wasTree) change.before = { oid: was.oid, mode: was.mode };
      if (now && !nowTree) change.after = { oid: now.oid, mode: now.mode };
      if (change.before || change.after) push(change);
    }
  };
  await walk(before, after, '');
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
