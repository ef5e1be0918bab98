import { FILE_MODE, isTreeMode, type TreeEntry } from '../objects/index.ts';
import type { ObjectSink } from '../object-store.ts';
import type { Oid } from '../oid.ts';
import { readEntryMap } from '../tree-walk.ts';
import type { FileMergeResult, MergeFn } from '../types.ts';
import { conflictSuffix, mergeFileDefault } from './merge-file.ts';

/** The outcome of a tree merge: the merged tree (absent when empty) and the conflicted paths. */
export interface TreeMergeResult {
  tree: Oid | undefined;
  conflicts: string[];
}

type Side = TreeEntry | undefined;

function sameEntry(a: Side, b: Side): boolean {
  return a === b || (a !== undefined && b !== undefined && a.oid === b.oid && a.mode === b.mode);
}

const isTree = (entry: Side): entry is TreeEntry => entry !== undefined && isTreeMode(entry.mode);
const isFile = (entry: Side): boolean => entry !== undefined && !isTreeMode(entry.mode);

/**
 * Three-way merge of trees. Sub-trees changed on one side only are taken whole without being
 * read, so a merge costs what the two sides changed, not the size of the repository.
 */
export async function mergeTrees(
  sink: ObjectSink,
  base: Oid | undefined,
  ours: Oid | undefined,
  theirs: Oid | undefined,
  merge: MergeFn | undefined,
): Promise<TreeMergeResult> {
  const conflicts: string[] = [];
  const tree = await mergeLevel(sink, base, ours, theirs, '', merge, conflicts);
  return { tree, conflicts };
}

async function mergeLevel(
  sink: ObjectSink,
  base: Oid | undefined,
  ours: Oid | undefined,
  theirs: Oid | undefined,
  prefix: string,
  merge: MergeFn | undefined,
  conflicts: string[],
): Promise<Oid | undefined> {
  if (ours === theirs || theirs === base) return ours;
  if (ours === base) return theirs;
  const [b, o, t] = await Promise.all([readEntryMap(sink, base), readEntryMap(sink, ours), readEntryMap(sink, theirs)]);
  const result = new Map<string, TreeEntry>();
  const keys = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
  for (const key of keys) {
    const [be, oe, te] = [b.get(key), o.get(key), t.get(key)];
    const named = (oe ?? te ?? be) as TreeEntry;
    const path = prefix === '' ? named.name : `${prefix}/${named.name}`;
    if (sameEntry(oe, te) || sameEntry(te, be)) {
      if (oe) result.set(key, oe);
    } else if (sameEntry(oe, be)) {
      if (te) result.set(key, te);
    } else if (!isFile(oe) && !isFile(te)) {
      const subBase = isTree(be) ? be.oid : undefined;
      const sub = await mergeLevel(sink, subBase, oe?.oid, te?.oid, path, merge, conflicts);
      if (sub !== undefined) result.set(key, { ...named, mode: FILE_MODE.tree, oid: sub });
    } else if (!isTree(oe) && !isTree(te)) {
      await mergeLeaf(sink, be, oe, te, key, named, path, merge, conflicts, result);
    } else {
      // A folder on one side, a file on the other: keep the folder, move the file aside.
      const folder = (isTree(oe) ? oe : te) as TreeEntry;
      const file = (isTree(oe) ? te : oe) as TreeEntry;
      result.set(key, folder);
      const aside = `${file.name}${conflictSuffix(await sink.readBlob(file.oid))}`;
      result.set(aside, { name: aside, mode: file.mode, oid: file.oid });
      conflicts.push(path);
    }
  }
  return result.size === 0 ? undefined : await sink.writeTree([...result.values()]);
}

async function mergeLeaf(
  sink: ObjectSink,
  be: Side,
  oe: Side,
  te: Side,
  key: string,
  named: TreeEntry,
  path: string,
  merge: MergeFn | undefined,
  conflicts: string[],
  result: Map<string, TreeEntry>,
): Promise<void> {
  if (oe?.mode === FILE_MODE.gitlink || te?.mode === FILE_MODE.gitlink) {
    // Submodule pointers cannot be merged by content: keep the one with the larger id.
    const kept = [oe, te].filter((e): e is TreeEntry => e !== undefined).sort((x, y) => (x.oid < y.oid ? 1 : -1))[0];
    if (kept) result.set(key, kept);
    conflicts.push(path);
    return;
  }
  const read = (entry: Side): Promise<Uint8Array | undefined> =>
    entry === undefined || isTreeMode(entry.mode) ? Promise.resolve(undefined) : sink.readBlob(entry.oid);
  const [base, ours, theirs] = await Promise.all([read(be), read(oe), read(te)]);
  const input = { path, base, ours, theirs };
  const merged: FileMergeResult = merge?.(input) ?? mergeFileDefault(input);
  if (merged.conflicted) conflicts.push(path);
  const mode = mergeMode(be?.mode, oe?.mode, te?.mode);
  if (merged.data !== undefined) {
    result.set(key, { ...named, mode, oid: await sink.writeObject('blob', merged.data) });
  }
  for (const copy of merged.copies ?? []) {
    const copyName = `${named.name}${copy.suffix}`;
    result.set(copyName, { name: copyName, mode, oid: await sink.writeObject('blob', copy.data) });
  }
}

/** A mode changed on one side wins; changed on both, the larger (executable) one does. */
function mergeMode(base: string | undefined, ours: string | undefined, theirs: string | undefined): string {
  if (ours === undefined) return theirs ?? FILE_MODE.file;
  if (theirs === undefined || theirs === base) return ours;
  if (ours === base) return theirs;
  return ours > theirs ? ours : theirs;
}
