import { descendantsOf, parentPath, type ItemRecord, type Snapshot } from '../../model/index.ts';

/** One choice of a picker: a record's id and how it reads. */
export interface Option {
  id: string;
  label: string;
}

/** By label, case-insensitively, then by id: the same order on every device. */
function compareOptions(a: Option, b: Option): number {
  const x = a.label.toLowerCase();
  const y = b.label.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The records of `kind` (contacts or contexts), by name. */
export function referenceOptions(snapshot: Snapshot, kind: 'contact' | 'context'): Option[] {
  const options: Option[] = [];
  for (const record of snapshot.records.values()) if (record.kind === kind) options.push({ id: record.id, label: record.name });
  return options.sort(compareOptions);
}

/**
 * The areas and projects `item` could be put in: all of them but itself and what is inside
 * it, each labelled with its path ("Home › Taxes"), by that path. Whether the tree's rules
 * allow the move is canMove's to say when one is chosen.
 */
export function parentOptions(snapshot: Snapshot, item: ItemRecord): Option[] {
  const excluded = new Set([item.id, ...descendantsOf(snapshot, item.id).map((inside) => inside.id)]);
  const options: Option[] = [];
  for (const record of snapshot.records.values()) {
    if ((record.kind !== 'area' && record.kind !== 'project') || excluded.has(record.id)) continue;
    options.push({ id: record.id, label: [...parentPath(snapshot, record.id), record.name].join(' › ') });
  }
  return options.sort(compareOptions);
}

/** `options`, plus one for `current` when it names a record that is not among them (a broken link). */
export function withCurrent(options: Option[], current: string | undefined, missingLabel: string): Option[] {
  if (current === undefined || options.some((option) => option.id === current)) return options;
  return [...options, { id: current, label: missingLabel }];
}
