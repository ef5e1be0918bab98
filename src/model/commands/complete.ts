import { ModelError } from '../errors.ts';
import { kindWithArticle, messageName, quoteName } from '../record-name.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import { requireRecord } from './shared.ts';
import { updateRecord } from './update.ts';

/**
 * Ticks an action off: "Buy milk: done". A repeating action is not done but returns on its
 * next occurrence: state scheduled, `waitUntil` the first occurrence after today (after its
 * own day, when completed early), message "Pay rent: done, next on 2026-02-28".
 *
 * @throws ModelError 'not-found' for an unknown id, 'invalid' for a record that is not an
 * action, 'refused' for an action already done.
 */
export function completeAction(snapshot: Snapshot, id: string, now: Date): Edit {
  const record = requireRecord(snapshot, id);
  if (record.kind !== 'action') {
    throw new ModelError('invalid', `${quoteName(record.name)} is ${kindWithArticle(record.kind)}, not an action.`, { id });
  }
  if (record.state === 'done') throw new ModelError('refused', `${quoteName(record.name)} is already done.`, { id });
  const edit = updateRecord(snapshot, id, { state: 'done' }, now);
  const [change] = edit.changes;
  const after = change && 'put' in change && change.put.kind === 'action' ? change.put : undefined;
  const name = messageName(record.name);
  const message = after?.state === 'scheduled' ? `${name}: done, next on ${after.waitUntil}` : `${name}: done`;
  return { changes: edit.changes, message };
}
