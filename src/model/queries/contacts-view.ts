import { isItem, type Snapshot } from '../snapshot.ts';
import type { ActionRecord, ContactRecord, ItemRecord } from '../types.ts';
import { compareStarredThenName } from './collate.ts';

/** One contact in the Contacts view. */
export interface ContactEntry {
  contact: ContactRecord;
  /** Actions in state 'waiting-for-contact' on this contact. */
  waitingOn: ActionRecord[];
  /** The other items (areas, projects, actions of any state) naming this contact. */
  items: ItemRecord[];
}

/**
 * The Contacts view: every contact (starred first, then by name) with the actions waiting on
 * it and the other items naming it. An item appears under one heading only: a waiting action
 * is in `waitingOn`, not again in `items`.
 */
export function contactsView(snapshot: Snapshot): ContactEntry[] {
  const entries = new Map<string, ContactEntry>();
  for (const record of snapshot.records.values()) {
    if (record.kind === 'contact') entries.set(record.id, { contact: record, waitingOn: [], items: [] });
  }
  for (const record of snapshot.records.values()) {
    if (!isItem(record) || record.contact === undefined) continue;
    const entry = entries.get(record.contact);
    if (entry === undefined) continue;
    if (record.kind === 'action' && record.state === 'waiting-for-contact') entry.waitingOn.push(record);
    else entry.items.push(record);
  }
  const list = [...entries.values()].sort((a, b) => compareStarredThenName(a.contact, b.contact));
  for (const entry of list) {
    entry.waitingOn.sort(compareStarredThenName);
    entry.items.sort(compareStarredThenName);
  }
  return list;
}
