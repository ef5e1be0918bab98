import { isTreeMode, treeEntryKey, type TreeEntry } from './objects/index.ts';
import type { ObjectSource } from './object-store.ts';
import type { Oid } from './oid.ts';

/** Finds an entry by name in a tree sorted the git way (names are unique, so a scan is exact). */
function findEntry(entries: readonly TreeEntry[], name: string): TreeEntry | undefined {
  for (const entry of entries) if (entry.name === name) return entry;
  return undefined;
}

/**
 * The entry at `segments` below the tree `root`, or `undefined` when any step is missing or a
 * file stands where a folder was needed. An empty path gives a synthetic entry for the root.
 */
export async function lookupPath(
  source: ObjectSource,
  root: Oid,
  segments: readonly string[],
): Promise<TreeEntry | undefined> {
  let entry: TreeEntry = { name: '', mode: '40000', oid: root };
  for (const segment of segments) {
    if (!isTreeMode(entry.mode)) return undefined;
    const found = findEntry(await source.readTree(entry.oid), segment);
    if (!found) return undefined;
    entry = found;
  }
  return entry;
}

/** A tree's entries keyed by {@link treeEntryKey} (empty for `undefined`), for diffs and merges. */
export async function readEntryMap(source: ObjectSource, oid: Oid | undefined): Promise<Map<string, TreeEntry>> {
  const map = new Map<string, TreeEntry>();
  if (oid !== undefined) for (const entry of await source.readTree(oid)) map.set(treeEntryKey(entry), entry);
  return map;
}
