import { NotADirectoryError, NotAFileError } from './errors.ts';
import { FILE_MODE, isTreeMode, treeEntryKey, type TreeEntry } from './objects/index.ts';
import type { ObjectSink } from './object-store.ts';
import type { Oid } from './oid.ts';

/** Staged changes of one commit: path -> new bytes, or `null` to remove. Later calls win. */
export type ChangeSet = Map<string, Uint8Array | null>;

interface ChangeNode {
  /** New file content here (`null`: remove whatever is here); absent when only descending. */
  file?: Uint8Array | null;
  children: Map<string, ChangeNode>;
}

function buildTrie(changes: ChangeSet, split: (path: string) => string[]): ChangeNode {
  const root: ChangeNode = { children: new Map() };
  for (const [path, data] of changes) {
    let node = root;
    for (const segment of split(path)) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
    node.file = data;
  }
  return root;
}

/**
 * Applies a change set to the tree `root` and returns the new root tree id. Only the trees on
 * the changed paths are rewritten, so the cost grows with path depth, not with the number of
 * files. Folders left empty disappear, as in git.
 */
export async function applyChanges(
  sink: ObjectSink,
  root: Oid,
  changes: ChangeSet,
  split: (path: string) => string[],
): Promise<Oid> {
  const result = await editTree(sink, root, buildTrie(changes, split), '');
  return result ?? sink.writeTree([]);
}

async function editTree(sink: ObjectSink, oid: Oid | undefined, node: ChangeNode, prefix: string): Promise<Oid | undefined> {
  const entries = new Map<string, TreeEntry>();
  // Keyed so names that are not UTF-8 stay distinct; a path can only name a UTF-8 entry.
  if (oid !== undefined) for (const entry of await sink.readTree(oid)) entries.set(treeEntryKey(entry), entry);
  let changed = false;
  for (const [name, child] of node.children) {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    const next = await editEntry(sink, entries.get(name), child, name, path);
    if (next !== entries.get(name)) {
      changed = true;
      if (next) entries.set(name, next);
      else entries.delete(name);
    }
  }
  if (!changed) return oid;
  return entries.size === 0 ? undefined : sink.writeTree([...entries.values()]);
}

async function editEntry(
  sink: ObjectSink,
  existing: TreeEntry | undefined,
  node: ChangeNode,
  name: string,
  path: string,
): Promise<TreeEntry | undefined> {
  // A removal that is also a descent (remove "a", then set "a/b") starts from nothing.
  const current = node.file === null ? undefined : existing;
  if (node.children.size > 0) {
    if (node.file) throw new NotADirectoryError(path);
    if (current && !isTreeMode(current.mode)) throw new NotADirectoryError(path);
    const tree = await editTree(sink, current?.oid, node, path);
    if (tree === current?.oid) return current;
    return tree === undefined ? undefined : { name, mode: FILE_MODE.tree, oid: tree };
  }
  if (node.file === undefined || node.file === null) return current;
  if (current && isTreeMode(current.mode)) throw new NotAFileError(path);
  const blob = sink.writeObject('blob', node.file);
  if (current && current.oid === blob) return current;
  // Keep an executable bit (or a symlink) the store did not write; new files are plain.
  return { name, mode: current?.mode ?? FILE_MODE.file, oid: blob };
}
