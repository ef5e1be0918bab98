import type { Snapshot } from '../snapshot.ts';
import type { ContactRecord, ContextRecord, ItemRecord } from '../types.ts';
import { compareByName, compareNames } from './collate.ts';
import { buildTreeIndex } from './tree-index.ts';

/** One item of the Everything review, with the names of the items above it. */
export interface EverythingEntry {
  record: ItemRecord;
  /** Names from the top level down to the item's parent, as the tree shows it. */
  path: string[];
}

/** The weekly review's Everything page. */
export interface EverythingReview {
  mode: 'everything';
  /** Every area, project and action, by name, then by path. */
  items: EverythingEntry[];
  /** Every context, by name. */
  contexts: ContextRecord[];
  /** Every contact, by name. */
  contacts: ContactRecord[];
}

/**
 * Every area, project and action as one flat list, by name (then by path, then id), each with
 * its path of parents; then every context and every contact, as CueKeeper's
 * `make_everything_tree` (lib/ck_model.ml) lists Areas, Contexts and Contacts. Paths follow
 * the tree the other views show, so an item a merge left in a cycle or under a missing
 * parent has the path it is shown at.
 */
export function reviewEverything(snapshot: Snapshot): EverythingReview {
  const index = buildTreeIndex(snapshot);
  const paths = new Map<string, string[]>();
  const items: EverythingEntry[] = [];
  for (const record of index.topDown) {
    const parent = index.parentOf.get(record.id);
    const path = parent === undefined ? [] : [...(paths.get(parent.id) as string[]), parent.name];
    paths.set(record.id, path);
    items.push({ record, path });
  }
  items.sort((a, b) => compareNames(a.record.name, b.record.name) || comparePaths(a.path, b.path) || compareByName(a.record, b.record));
  const contexts: ContextRecord[] = [];
  const contacts: ContactRecord[] = [];
  for (const record of snapshot.records.values()) {
    if (record.kind === 'context') contexts.push(record);
    else if (record.kind === 'contact') contacts.push(record);
  }
  return { mode: 'everything', items, contexts: contexts.sort(compareByName), contacts: contacts.sort(compareByName) };
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareNames(a[i] as string, b[i] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
