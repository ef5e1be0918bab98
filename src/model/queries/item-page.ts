import type { CreateInput } from '../commands/index.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ActionState, ContactRecord, Day, ItemRecord, ProjectRecord } from '../types.ts';
import { compareByName, compareStarredThenName } from './collate.ts';
import { latestCompleted } from './completed.ts';
import { buildTreeIndex } from './tree-index.ts';

/** What a new record added to a group gets, besides its name. */
export type Adder = Omit<CreateInput, 'name'>;

/** The kinds of group an item page shows. */
export type ItemGroupKind =
  | 'sub-areas'
  | 'projects'
  | 'inbox'
  | 'next'
  | 'waiting'
  | 'waiting-for'
  | 'scheduled'
  | 'future'
  | 'done'
  | 'waiting-on-them'
  | 'contact-for';

/** One group of an item page: "Next actions", "Waiting for Alice", "Waiting until 2026-03-01". */
export interface ItemGroup {
  kind: ItemGroupKind;
  /** Unique within the page: the kind, with the contact's id or the day when there is one. */
  key: string;
  /** Words for its heading ("Waiting until" groups: the UI writes the day its own way). */
  title: string;
  records: ItemRecord[];
  /** What "+" on this group creates; `undefined`: nothing can be added here. */
  adder?: Adder;
  /** The contact a 'waiting-for' group waits on. */
  contact?: ContactRecord;
  /** The day of a 'scheduled' group. */
  day?: Day;
}

const ORDER: Record<ItemGroupKind, number> = {
  'sub-areas': 0,
  projects: 1,
  inbox: 2,
  next: 3,
  waiting: 4,
  'waiting-for': 5,
  scheduled: 6,
  future: 7,
  done: 8,
  'waiting-on-them': 9,
  'contact-for': 10,
};

const PROJECT_ORDER: Record<ProjectRecord['state'], number> = { active: 0, someday: 1, done: 2 };

type Where = Pick<Adder, 'parent' | 'context'>;

/**
 * What an area, project, context or contact holds, grouped as CueKeeper's item panels group
 * it (lib/ck_model.ml, `group_by_type`, `context_details`, `contact_details`), each group
 * with the adder its "+" uses:
 * - an area: Sub-areas, Projects (always, to add the first), then its actions by state;
 * - a project: Sub-projects, Next actions (always), then the other states: Inbox, Waiting,
 *   Waiting for <contact> (one group each), Waiting until <day> (one per day, earliest
 *   first), Future, Completed (most recent first);
 * - a context: its actions by state, as above (Next actions always);
 * - a contact: the actions waiting on them, then what they are the contact for.
 * An action, or an id not found, has no groups. Groups come in that order; within a group,
 * starred first, then by name (projects: active, someday, then done).
 */
export function itemPage(snapshot: Snapshot, id: string): ItemGroup[] {
  const record = snapshot.records.get(id);
  if (record === undefined || record.kind === 'action') return [];
  const groups = new Map<string, ItemGroup>();
  const add = (group: Omit<ItemGroup, 'records'>, item?: ItemRecord): void => {
    const existing = groups.get(group.key) ?? { ...group, records: [] };
    groups.set(group.key, existing);
    if (item) existing.records.push(item);
  };
  if (record.kind === 'contact') {
    for (const item of snapshot.records.values()) {
      if (!isItemRecord(item) || item.contact !== id) continue;
      if (item.kind === 'action' && item.state === 'waiting-for-contact') add(group('waiting-on-them', 'Waiting on them', { kind: 'action', state: 'waiting-for-contact', contact: id }), item);
      else add(group('contact-for', 'Contact for'), item);
    }
    if (!groups.has('waiting-on-them')) add(group('waiting-on-them', 'Waiting on them', { kind: 'action', state: 'waiting-for-contact', contact: id }));
  } else if (record.kind === 'context') {
    add(actionGroup('next', {}, { context: id }));
    for (const item of snapshot.records.values()) if (item.kind === 'action' && item.context === id) addAction(snapshot, add, item, { context: id });
  } else {
    const index = buildTreeIndex(snapshot);
    const where = { parent: id };
    if (record.kind === 'area') add(group('projects', 'Projects', { kind: 'project', parent: id }));
    else add(actionGroup('next', {}, where));
    for (const child of index.childrenOf(id)) {
      if (child.kind === 'area') add(group('sub-areas', 'Sub-areas', { kind: 'area', parent: id }), child);
      else if (child.kind === 'project') add(group('projects', record.kind === 'area' ? 'Projects' : 'Sub-projects', { kind: 'project', parent: id }), child);
      else addAction(snapshot, add, child, where);
    }
  }
  return [...groups.values()].sort(compareGroups).map(sortRecords);
}

function isItemRecord(record: { kind: string }): record is ItemRecord {
  return record.kind === 'area' || record.kind === 'project' || record.kind === 'action';
}

function group(kind: ItemGroupKind, title: string, adder?: Adder): Omit<ItemGroup, 'records'> {
  return adder === undefined ? { kind, key: kind, title } : { kind, key: kind, title, adder };
}

const ACTION_GROUPS: Partial<Record<ActionState, [ItemGroupKind, string]>> = {
  inbox: ['inbox', 'Inbox'],
  next: ['next', 'Next actions'],
  waiting: ['waiting', 'Waiting'],
  future: ['future', 'Future actions'],
  done: ['done', 'Completed actions'],
};

/** The group of an action in `state` (not waiting for a contact, not scheduled), with its adder. */
function actionGroup(state: 'inbox' | 'next' | 'waiting' | 'future' | 'done', extra: Partial<Adder>, where: Where): Omit<ItemGroup, 'records'> {
  const [kind, title] = ACTION_GROUPS[state] as [ItemGroupKind, string];
  return group(kind, title, state === 'done' ? undefined : { kind: 'action', state, ...where, ...extra });
}

function addAction(snapshot: Snapshot, add: (group: Omit<ItemGroup, 'records'>, item?: ItemRecord) => void, action: ActionRecord, where: Where): void {
  if (action.state === 'waiting-for-contact') {
    const linked = action.contact === undefined ? undefined : snapshot.records.get(action.contact);
    if (linked?.kind === 'contact') {
      const adder: Adder = { kind: 'action', state: 'waiting-for-contact', contact: linked.id, ...where };
      add({ kind: 'waiting-for', key: `waiting-for:${linked.id}`, title: `Waiting for ${linked.name}`, adder, contact: linked }, action);
      return;
    }
    add(actionGroup('waiting', {}, where), action);
  } else if (action.state === 'scheduled') {
    const day = action.waitUntil;
    const adder: Adder | undefined = day === undefined ? undefined : { kind: 'action', state: 'scheduled', waitUntil: day, ...where };
    add({ kind: 'scheduled', key: `scheduled:${day ?? ''}`, title: day === undefined ? 'Scheduled' : `Waiting until ${day}`, ...(adder ? { adder } : {}), ...(day ? { day } : {}) }, action);
  } else {
    add(actionGroup(action.state, {}, where), action);
  }
}

function compareGroups(a: ItemGroup, b: ItemGroup): number {
  if (a.kind !== b.kind) return ORDER[a.kind] - ORDER[b.kind];
  if (a.day !== undefined || b.day !== undefined) return (a.day ?? '') < (b.day ?? '') ? -1 : (a.day ?? '') > (b.day ?? '') ? 1 : 0;
  return a.contact && b.contact ? compareByName(a.contact, b.contact) : 0;
}

function sortRecords(group: ItemGroup): ItemGroup {
  if (group.kind === 'done') return { ...group, records: latestCompleted(group.records) };
  const stateRank = (record: ItemRecord): number => (record.kind === 'project' ? PROJECT_ORDER[record.state] : 0);
  return { ...group, records: [...group.records].sort((a, b) => stateRank(a) - stateRank(b) || compareStarredThenName(a, b)) };
}
