import { treeEntryKey, type TreeEntry } from '../objects/index.ts';

/**
 * Finds a child tree's entries in a parent tree. Consecutive commits' trees mostly differ in one
 * entry, so the entry at the same position (shifted by what was added or removed so far) is
 * tried first; only a miss builds the name index. Entries are looked up in the child's order.
 */
export class ParentEntries {
  private shift = 0;
  private byKey: Map<string, number> | undefined;

  constructor(private readonly entries: readonly TreeEntry[]) {}

  /** The parent's entry of the same name as `entry`, the child's `position`-th entry. */
  find(entry: TreeEntry, position: number): TreeEntry | undefined {
    const guess = this.entries[position + this.shift];
    // Names that are not UTF-8 compare by their bytes, through the index.
    if (guess && guess.name === entry.name && guess.nameBytes === undefined && entry.nameBytes === undefined) return guess;
    this.byKey ??= new Map(this.entries.map((candidate, index) => [treeEntryKey(candidate), index]));
    const index = this.byKey.get(treeEntryKey(entry));
    if (index === undefined) return undefined;
    this.shift = index - position;
    return this.entries[index];
  }
}
