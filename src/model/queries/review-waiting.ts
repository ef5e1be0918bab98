import { compareDays } from '../dates.ts';
import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, ContactRecord } from '../types.ts';
import { compareByName, compareStarredThenName } from './collate.ts';
import type { Adder } from './item-page.ts';
import { groupByParent, type ParentGroup } from './parent-groups.ts';
import { buildTreeIndex } from './tree-index.ts';

/** One group of the Waiting page: what waits for no one in particular, or on one contact. */
export interface WaitingGroup {
  /** `undefined`: the group of actions waiting for an unspecified reason. */
  contact: ContactRecord | undefined;
  title: string;
  /** What "+" on this group creates. */
  adder: Adder;
  byParent: ParentGroup<ActionRecord>[];
}

/** The weekly review's Waiting page. */
export interface WaitingReview {
  mode: 'waiting';
  /** The unspecified reasons first, then one group per contact, by name. */
  groups: WaitingGroup[];
  /** Scheduled actions (waiting until a day), earliest first, however far ahead. */
  scheduled: ActionRecord[];
}

/** Title of the group of actions waiting for an unspecified reason. */
const UNSPECIFIED_REASON = 'Waiting (unspecified reason)';

/**
 * The Waiting page, as CueKeeper's `make_waiting_tree` (lib/ck_model.ml) builds it: actions
 * waiting for an unspecified reason, then for each contact those waiting on them, each group
 * by parent; and, as CueKeeper's issue #5 asks, the scheduled actions, by day.
 */
export function reviewWaiting(snapshot: Snapshot): WaitingReview {
  const index = buildTreeIndex(snapshot);
  const unspecified: ActionRecord[] = [];
  const byContact = new Map<ContactRecord, ActionRecord[]>();
  const scheduled: ActionRecord[] = [];
  for (const record of index.items) {
    if (record.kind !== 'action') continue;
    if (record.state === 'scheduled') scheduled.push(record);
    if (record.state === 'waiting') unspecified.push(record);
    if (record.state !== 'waiting-for-contact') continue;
    const contact = record.contact === undefined ? undefined : snapshot.records.get(record.contact);
    if (contact?.kind !== 'contact') {
      unspecified.push(record);
      continue;
    }
    const list = byContact.get(contact) ?? [];
    byContact.set(contact, list);
    list.push(record);
  }
  const groups: WaitingGroup[] = [];
  if (unspecified.length > 0) groups.push({ contact: undefined, title: UNSPECIFIED_REASON, adder: { kind: 'action', state: 'waiting' }, byParent: groupByParent(index, unspecified) });
  for (const contact of [...byContact.keys()].sort(compareByName)) {
    const adder: Adder = { kind: 'action', state: 'waiting-for-contact', contact: contact.id };
    groups.push({ contact, title: `Waiting for ${contact.name}`, adder, byParent: groupByParent(index, byContact.get(contact) ?? []) });
  }
  scheduled.sort((a, b) => compareDays(a.waitUntil ?? '', b.waitUntil ?? '') || compareStarredThenName(a, b));
  return { mode: 'waiting', groups, scheduled };
}
