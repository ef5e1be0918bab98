import { quoteValue as quote, withConflictNotes } from './conflict-notes.ts';
import { isItem, type Edit, type Snapshot } from './snapshot.ts';
import { withoutUndefined } from './commands/shared.ts';
import type { AnyRecord, ConflictNote, ItemKind, ItemRecord, JsonFields, RecordKind } from './types.ts';

/** Finds a record as it was before a merge deleted it (from the merge base), if it can. */
export type LookupDeleted = (kind: RecordKind, id: string) => AnyRecord | undefined;

/** The kinds each kind of item may hold as children. */
const HOLDS: Record<string, readonly ItemKind[] | undefined> = {
  area: ['area', 'project', 'action'],
  project: ['project', 'action'],
};

const PLURAL: Record<ItemKind, string> = { area: 'areas', project: 'projects', action: 'actions' };

/** The changes repairLinks builds up: records to write, with the notes to add to each. */
interface Repairs {
  records: Map<string, AnyRecord>;
  notes: Map<string, ConflictNote[]>;
}

/**
 * Repairs the links a merge may have broken (run by the app after a merge), leaving a note
 * in `_conflicts` on each record it changes or restores:
 * - an item whose `parent` is missing, cannot hold it (only areas hold areas; areas and
 *   projects hold projects and actions) or is part of a cycle moves to the top level; each
 *   cycle is broken at its member with the smallest id;
 * - an action whose `context`, or an item whose `contact`, points at a missing record gets it
 *   back from `lookupDeleted` (a note on the restored record), or loses the link when it
 *   cannot be found or points at a record of another kind.
 *
 * Returns `undefined` when nothing needs repair. The edit depends only on the records, not
 * on the order the snapshot holds them in: records are written in id order.
 *
 * @example
 * const edit = repairLinks(snapshot, (kind, id) => baseSnapshot.records.get(id));
 * if (edit) await commit(edit); // "Repair links after merge (2 repairs)"
 */
export function repairLinks(snapshot: Snapshot, lookupDeleted: LookupDeleted): Edit | undefined {
  const repairs: Repairs = { records: new Map(), notes: new Map() };
  const items = [...snapshot.records.values()].filter(isItem).sort((a, b) => compare(a.id, b.id));
  const parents = new Map<string, string>();
  for (const item of items) {
    if (item.parent === undefined) continue;
    const problem = parentProblem(item, snapshot.records.get(item.parent));
    if (problem) clearLink(repairs, item, 'parent', problem);
    else parents.set(item.id, item.parent);
  }
  for (const cycle of findCycles(parents)) {
    const cut = cycle.reduce((min, id) => (compare(id, min) < 0 ? id : min));
    const item = snapshot.records.get(cut) as ItemRecord;
    const parent = snapshot.records.get(item.parent as string) as ItemRecord;
    const words = parent.id === item.id ? 'it was its own parent' : `${quote(parent.name)} was both its parent and inside it`;
    clearLink(repairs, item, 'parent', `Moved to the top level: after the merge, ${words}.`);
  }
  const restored = new Map<string, { record: AnyRecord; users: ItemRecord[] }>();
  for (const item of items) {
    if (item.kind === 'action' && item.context !== undefined) repairRef(item, 'context', item.context);
    if (item.contact !== undefined) repairRef(item, 'contact', item.contact);
  }
  for (const { record, users } of restored.values()) {
    const others = users.length - 1;
    const who = `${quote((users[0] as ItemRecord).name)}${others === 0 ? '' : ` and ${others} other item${others === 1 ? '' : 's'}`}`;
    const note = `Restored after a merge: deleted on another device, but ${who} still ${others === 0 ? 'uses' : 'use'} this ${record.kind}.`;
    addRepair(repairs, record, { field: 'id', kept: record.id, note });
  }
  return editOf(repairs);

  function repairRef(item: ItemRecord, field: 'context' | 'contact', id: string): void {
    const known = restored.get(id);
    const target = snapshot.records.get(id) ?? known?.record;
    if (target?.kind === field) {
      known?.users.push(item);
      return;
    }
    if (target) {
      clearLink(repairs, item, field, `Its ${field} pointed at ${article(target.kind)} ${quote(target.name)}, not a ${field}, so it was cleared.`);
      return;
    }
    const found = lookupDeleted(field, id);
    if (found?.kind === field && found.id === id) restored.set(id, { record: found, users: [item] });
    else clearLink(repairs, item, field, `Its ${field} was deleted and could not be restored, so it was cleared.`);
  }
}

/** Why `item` cannot stay under `parent`, or `undefined` when it can. */
function parentProblem(item: ItemRecord, parent: AnyRecord | undefined): string | undefined {
  if (parent === undefined) return 'Moved to the top level: its parent was deleted.';
  if (HOLDS[parent.kind]?.includes(item.kind)) return undefined;
  return `Moved to the top level: ${article(parent.kind)} ${quote(parent.name)} cannot hold ${PLURAL[item.kind]}.`;
}

/**
 * The cycles of a parent relation (each id has at most one parent, so cycles never share a
 * member), each as its members, found by walking up from every id in order.
 */
function findCycles(parents: ReadonlyMap<string, string>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of [...parents.keys()].sort(compare)) {
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id)) {
      const seen = onWalk.get(id);
      if (seen !== undefined) {
        cycles.push(walk.slice(seen));
        break;
      }
      onWalk.set(id, walk.length);
      walk.push(id);
      id = parents.get(id);
    }
    for (const member of walk) done.add(member);
  }
  return cycles;
}

/** Removes `field` (a link) from `record`, noting the id it held. */
function clearLink(repairs: Repairs, record: ItemRecord, field: 'parent' | 'context' | 'contact', note: string): void {
  const current = repairs.records.get(record.id) ?? record;
  const fields: JsonFields = current;
  const link = fields[field];
  addRepair(repairs, withoutLink(current, field), { field, kept: null, discarded: typeof link === 'string' ? link : null, note });
}

/** `record` without its `field` link. */
function withoutLink(record: AnyRecord, field: 'parent' | 'context' | 'contact'): AnyRecord {
  if (!isItem(record)) return record;
  if (field === 'context') return record.kind === 'action' ? withoutUndefined({ ...record, context: undefined }) : record;
  return withoutUndefined(field === 'parent' ? { ...record, parent: undefined } : { ...record, contact: undefined });
}

function addRepair(repairs: Repairs, record: AnyRecord, note: ConflictNote): void {
  repairs.records.set(record.id, record);
  repairs.notes.set(record.id, [...(repairs.notes.get(record.id) ?? []), note]);
}

function editOf({ records, notes }: Repairs): Edit | undefined {
  if (records.size === 0) return undefined;
  const ids = [...records.keys()].sort(compare);
  const count = [...notes.values()].reduce((sum, list) => sum + list.length, 0);
  return {
    changes: ids.map((id) => ({ put: withConflictNotes(records.get(id) as AnyRecord, notes.get(id) ?? []) })),
    message: `Repair links after merge (${count} ${count === 1 ? 'repair' : 'repairs'})`,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function article(kind: RecordKind): string {
  return kind === 'area' || kind === 'action' ? `an ${kind}` : `a ${kind}`;
}
