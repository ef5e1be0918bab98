import { todayOf } from '../dates.ts';
import { ModelError } from '../errors.ts';
import { messageName } from '../record-name.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import type { AnyRecord } from '../types.ts';
import { checkDescriptionSize } from './check-record.ts';
import { requireRecord } from './shared.ts';

/**
 * Appends a dated line, `2026-01-05 Called the bank`, to a record's markdown notes (after a
 * blank line, so each entry is its own paragraph): "Taxes: add log entry".
 *
 * @throws ModelError 'not-found' for an unknown id, 'invalid' for blank text or notes that would
 * grow past MAX_DESCRIPTION_CHARS.
 */
export function addLogEntry(snapshot: Snapshot, id: string, text: string, now: Date): Edit {
  const record = requireRecord(snapshot, id);
  const entry = text.trim();
  if (entry === '') throw new ModelError('invalid', 'A log entry cannot be empty.', { id });
  const line = `${todayOf(now)} ${entry}`;
  const notes = (record.description ?? '').trimEnd();
  const description = notes === '' ? line : `${notes}\n\n${line}`;
  checkDescriptionSize(description, { id });
  const updated = { ...record, description } as AnyRecord;
  return { changes: [{ put: updated }], message: `${messageName(record.name)}: add log entry` };
}
