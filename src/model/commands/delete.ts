import { canDelete, countItems, descendantsOf, type DeleteOptions } from '../guards.ts';
import { messageName } from '../record-name.ts';
import { isItem, type Edit, type RecordChange, type Snapshot } from '../snapshot.ts';
import { enforce, requireRecord } from './shared.ts';

/**
 * Deletes a record: "Delete Buy milk", or with `{ recursive: true }` an item and everything
 * inside it: "Delete Taxes and 3 items inside".
 *
 * @throws ModelError 'not-found' for an unknown id; 'refused' for a contact or context still
 * in use, or an item with items inside when not recursive (see canDelete).
 */
export function deleteRecord(snapshot: Snapshot, id: string, options: DeleteOptions = {}): Edit {
  const record = requireRecord(snapshot, id);
  enforce(canDelete(snapshot, id, options), { id });
  const inside = isItem(record) ? descendantsOf(snapshot, id) : [];
  const changes: RecordChange[] = [record, ...inside].map(({ kind, id: removed }) => ({ remove: { kind, id: removed } }));
  const name = messageName(record.name);
  return { changes, message: inside.length > 0 ? `Delete ${name} and ${countItems(inside.length)} inside` : `Delete ${name}` };
}
