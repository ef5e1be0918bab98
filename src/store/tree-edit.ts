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
  return result ?? (await sink.writeTree([]));
}

/** Folders of up to this many entries are scanned for a name; larger ones are looked up in an index. */
const SCAN_LIMIT = 16;

/**
 * Name -> position in trees this process made by changing only ids of another (the same names in
 * the same places), handed on from version to version of a tree and kept as long as one of them
 * is (decoded trees are never mutated). Comparing a path's name with each of a shard's ~390
 * names cost ~50 µs a commit at 100,000 items (V8 compares such strings out of line).
 */
const nameIndexes = new WeakMap<readonly TreeEntry[], Map<string, number>>();

async function editTree(sink: ObjectSink, oid: Oid | undefined, node: ChangeNode, prefix: string): Promise<Oid | undefined> {
  const before: readonly TreeEntry[] = oid === undefined ? [] : await sink.readTree(oid);
  const names = before.length > SCAN_LIMIT ? nameIndex(before) : undefined;
  const indexOf = names ? (name: string) => names.get(name) ?? -1 : (name: string) => scanFor(before, name);
  // Copied on the first change. A changed entry stays where it was (the tree stays in git's
  // order, so it need not be sorted again); a removed one leaves a hole until the end.
  let entries: Array<TreeEntry | undefined> | undefined;
  let added = false;
  let removed = false;
  /** Entries changed in place with their name and mode, as most commits change a file. */
  const idsChanged: number[] = [];
  let reshaped = false;
  for (const [name, child] of node.children) {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    const index = indexOf(name);
    const current = index < 0 ? undefined : before[index];
    const next = await editEntry(sink, current, child, name, path);
    if (next === current) continue;
    entries ??= [...before];
    if (index < 0) {
      entries.push(next);
      added = true;
    } else {
      entries[index] = next;
      // A file that became a folder (or the reverse) sorts elsewhere: it moves as if added.
      if (next === undefined) removed = true;
      else if (isTreeMode(next.mode) !== isTreeMode((current as TreeEntry).mode)) added = true;
      else if (next.mode === (current as TreeEntry).mode) idsChanged.push(index);
      else reshaped = true;
    }
  }
  if (!entries) return oid;
  const kept = removed ? entries.filter((entry): entry is TreeEntry => entry !== undefined) : (entries as TreeEntry[]);
  if (kept.length === 0) return undefined;
  if (added || removed || reshaped || oid === undefined) return sink.writeTree(kept);
  if (names) nameIndexes.set(kept, names);
  return sink.writeChangedTree(oid, kept, idsChanged);
}

/** The entry a path segment names in a small tree (names that are not UTF-8 are never named by a path). */
function scanFor(entries: readonly TreeEntry[], name: string): number {
  return entries.findIndex((entry) => entry.name === name && entry.nameBytes === undefined);
}

/** The name index of a large tree: handed on from the version it was made from, or built. */
function nameIndex(entries: readonly TreeEntry[]): Map<string, number> {
  const names = nameIndexes.get(entries);
  if (names) return names;
  const built = new Map<string, number>();
  for (const [i, entry] of entries.entries()) built.set(treeEntryKey(entry), i);
  return built;
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
  const blob = await sink.writeObject('blob', node.file);
  if (current && current.oid === blob) return current;
  // Keep an executable bit (or a symlink) the store did not write; new files are plain.
  return { name, mode: current?.mode ?? FILE_MODE.file, oid: blob };
}
