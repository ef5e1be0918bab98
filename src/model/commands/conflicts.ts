import { ModelError } from '../errors.ts';
import { messageName, quoteName } from '../record-name.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import type { AnyRecord } from '../types.ts';
import { requireRecord, withoutUndefined } from './shared.ts';

/**
 * Removes the merge's conflict note at `index` from a record, once the person has read it:
 * "Buy milk: dismiss conflict note".
 *
 * @throws ModelError 'not-found' for an unknown id or a note that is not there.
 */
export function dismissConflict(snapshot: Snapshot, id: string, index: number): Edit {
  const record = requireRecord(snapshot, id);
  const notes = record._conflicts ?? [];
  if (!Number.isInteger(index) || index < 0 || index >= notes.length) {
    throw new ModelError('not-found', `${quoteName(record.name)} has no conflict note number ${index + 1}.`, { id, index });
  }
  const rest = notes.filter((_, i) => i !== index);
  const updated = withoutUndefined({ ...record, _conflicts: rest.length > 0 ? rest : undefined }) as AnyRecord;
  return { changes: [{ put: updated }], message: `${messageName(record.name)}: dismiss conflict note` };
}
