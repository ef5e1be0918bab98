import { describe, expect, it } from 'vitest';
import { action, area, contact, context, project, snapshotOf, testId } from '../../../test/support/model-records.ts';
import { deleteRecord } from './delete.ts';

const id = testId;
const snapshot = snapshotOf(
  area(1, 'Work'),
  project(2, 'Taxes', { parent: id(1), contact: id(4) }),
  action(3, 'Scan receipts', { parent: id(2), context: id(5) }),
  contact(4, 'Alice'),
  context(5, '@scanner'),
  contact(6, 'Bob'),
);

describe('deleteRecord', () => {
  it('deletes a record with nothing inside', () => {
    expect(deleteRecord(snapshot, id(3))).toEqual({ changes: [{ remove: { kind: 'action', id: id(3) } }], message: 'Delete Scan receipts' });
    expect(deleteRecord(snapshot, id(6))).toEqual({ changes: [{ remove: { kind: 'contact', id: id(6) } }], message: 'Delete Bob' });
  });

  it('refuses an item with items inside unless recursive', () => {
    expect(() => deleteRecord(snapshot, id(1))).toThrow(expect.objectContaining({ code: 'refused', message: 'Cannot delete “Work”: it holds 2 items.' }));
    const edit = deleteRecord(snapshot, id(1), { recursive: true });
    expect(edit.message).toBe('Delete Work and 2 items inside');
    expect(edit.changes.map((change) => ('remove' in change ? change.remove.id : undefined)).sort()).toEqual([id(1), id(2), id(3)]);
  });

  it('refuses a contact or context in use, naming the users', () => {
    expect(() => deleteRecord(snapshot, id(4))).toThrow(expect.objectContaining({ code: 'refused', message: 'Cannot delete “Alice”: used by “Taxes”.' }));
    expect(() => deleteRecord(snapshot, id(5))).toThrow('Cannot delete “@scanner”: used by “Scan receipts”.');
  });

  it('refuses an unknown id', () => {
    expect(() => deleteRecord(snapshot, id(99))).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
