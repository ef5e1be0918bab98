import { ModelError } from '../errors.ts';
import { messageName, quoteName } from '../record-name.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import type { AnyRecord, ConflictNote } from '../types.ts';
import { requireRecord, withoutUndefined } from './shared.ts';
import { updateRecord, type RecordPatch } from './update.ts';

/**
 * Removes the merge's conflict note at `index` from a record, once the person has read it:
 * "Buy milk: dismiss conflict note".
 *
 * @throws ModelError 'not-found' for an unknown id or a note that is not there.
 */
export function dismissConflict(snapshot: Snapshot, id: string, index: number): Edit {
  const record = requireRecord(snapshot, id);
  noteAt(record, index);
  return { changes: [{ put: withoutNote(record, index) }], message: `${messageName(record.name)}: dismiss conflict note` };
}

/** Fields whose discarded value is written back as it is. */
const PLAIN_FIELDS = new Set<keyof RecordPatch>(['name', 'description', 'starred', 'parent', 'context', 'contact', 'email', 'deadline', 'waitUntil']);

/**
 * The change that puts back the value a merge discarded, as a patch for {@link updateRecord};
 * `undefined` when the note has none to put back (a deletion a merge overrode, descriptions it
 * kept both of, a link it repaired, a repeat's cadence).
 */
export function otherValuePatch(note: ConflictNote): RecordPatch | undefined {
  const other = note.discarded;
  if (other === undefined) return undefined;
  if (note.field === 'state' && typeof other === 'string') {
    // A state and its day merge as one value, noted in words: "scheduled until 2026-03-01".
    const day = /^scheduled until (\d{4}-\d{2}-\d{2})$/.exec(other)?.[1];
    return (day ? { state: 'scheduled', waitUntil: day } : { state: other }) as RecordPatch;
  }
  if (!PLAIN_FIELDS.has(note.field as keyof RecordPatch)) return undefined;
  return { [note.field]: other } as RecordPatch;
}

/**
 * Takes the value the merge discarded (the note at `index`) instead of the one it kept, and
 * drops the note, in one commit: "Buy milk: use the other name". The value goes through
 * {@link updateRecord}, so it is checked and what follows from it (a state's stamp) follows.
 *
 * @throws ModelError 'not-found' for an unknown id or a note that is not there; 'refused' for a
 * note with no other value to take; what updateRecord throws for a value that no longer fits.
 */
export function chooseOtherValue(snapshot: Snapshot, id: string, index: number, now: Date): Edit {
  const record = requireRecord(snapshot, id);
  const note = noteAt(record, index);
  const patch = otherValuePatch(note);
  if (patch === undefined) throw new ModelError('refused', `The note on “${note.field}” has no other value to take.`, { id, index });
  const edit = updateRecord(snapshot, id, patch, now);
  const first = edit.changes[0];
  const changed = first !== undefined && 'put' in first ? first.put : record;
  return { changes: [{ put: withoutNote({ ...changed, _conflicts: record._conflicts } as AnyRecord, index) }], message: `${messageName(record.name)}: use the other ${note.field}` };
}

function noteAt(record: AnyRecord, index: number): ConflictNote {
  const note = Number.isInteger(index) ? record._conflicts?.[index] : undefined;
  if (note === undefined) throw new ModelError('not-found', `${quoteName(record.name)} has no conflict note number ${index + 1}.`, { id: record.id, index });
  return note;
}

function withoutNote(record: AnyRecord, index: number): AnyRecord {
  const rest = (record._conflicts ?? []).filter((_, i) => i !== index);
  return withoutUndefined({ ...record, _conflicts: rest.length > 0 ? rest : undefined }) as AnyRecord;
}
