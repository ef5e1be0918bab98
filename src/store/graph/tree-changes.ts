import { FILE_MODE, GITLINK_MODE_BYTES, hasModeBytes, isTreeMode, isTreeSpan, rangesEqual, scanTreeEntry, type EntrySpan, type TreeEntry } from '../objects/index.ts';
import { OID_BYTES, oidFromBytes, type Oid } from '../oid.ts';
import { ParentEntries } from './parent-entries.ts';

/** A tree to compare with the trees at the same path in its commit's parents. */
export interface TreeWithParents {
  tree: Oid;
  parents: Oid[];
}

/** An entry of a tree that no parent tree has as it is: what a closure check must find. */
export interface ChangedEntry {
  oid: Oid;
  isTree: boolean;
  /** The ids of the parents' sub-trees of the same name, to compare the next level with. */
  parentTrees: Oid[];
}

/**
 * The entries of `child` (tree content) that differ from its parents' (tree contents), read
 * straight from the bytes: entries whose bytes equal a parent's, nearly all of them between two
 * commits, are never decoded. Works while the trees hold the same names in the same order;
 * returns `undefined` when a name was added or removed (or an entry is cut short), for the caller
 * to decode instead. Submodule entries (gitlinks) are never changes: git does not follow them.
 */
export function changedEntries(child: Uint8Array, parents: readonly Uint8Array[]): ChangedEntry[] | undefined {
  const cursors = parents.map(() => 0);
  const changed: ChangedEntry[] = [];
  for (let start = 0; start < child.length; ) {
    const entry = scanTreeEntry(child, start);
    if (!entry) return undefined;
    const headLength = entry.nul - entry.start; // `<mode> <name>`
    let same = false;
    const parentTrees: Oid[] = [];
    for (let k = 0; k < parents.length; k++) {
      const parent = parents[k] as Uint8Array;
      const at: EntrySpan | undefined = scanTreeEntry(parent, cursors[k] as number);
      // Same mode and name at the aligned position, or the trees no longer line up.
      if (!at || at.nul - at.start !== headLength || !rangesEqual(child, entry.start, parent, at.start, headLength)) return undefined;
      cursors[k] = at.end;
      if (rangesEqual(child, entry.nul + 1, parent, at.nul + 1, OID_BYTES)) same = true;
      else parentTrees.push(oidFromBytes(parent, at.nul + 1));
    }
    if (!same && !hasModeBytes(child, entry, GITLINK_MODE_BYTES)) {
      const isTree = isTreeSpan(child, entry);
      changed.push({ oid: oidFromBytes(child, entry.nul + 1), isTree, parentTrees: isTree ? parentTrees : [] });
    }
    start = entry.end;
  }
  // A parent with entries left over had a name the child lacks: not aligned either.
  return cursors.every((cursor, k) => cursor === (parents[k] as Uint8Array).length) ? changed : undefined;
}

/**
 * {@link changedEntries} for decoded trees, whatever names were added or removed: the entries of
 * `child` that no parent has as they are, submodules skipped.
 */
export function changedDecodedEntries(child: readonly TreeEntry[], parents: ReadonlyArray<readonly TreeEntry[]>): ChangedEntry[] {
  const lookups = parents.map((entries) => new ParentEntries(entries));
  const changes: ChangedEntry[] = [];
  for (const [position, entry] of child.entries()) {
    if (entry.mode === FILE_MODE.gitlink) continue;
    const same = lookups.map((parent) => parent.find(entry, position));
    if (same.some((other) => other?.oid === entry.oid)) continue; // a parent has it as it is
    const isTree = isTreeMode(entry.mode);
    const parentTrees = isTree ? same.filter((other): other is TreeEntry => other !== undefined && isTreeMode(other.mode)).map((other) => other.oid) : [];
    changes.push({ oid: entry.oid, isTree, parentTrees });
  }
  return changes;
}
