import type { Snapshot } from '../snapshot.ts';
import { labelOf, recordProblem, type Problem } from './problem.ts';

/**
 * A 'conflict' problem for each record holding merge-conflict notes not yet dismissed: the
 * note's own words when there is one note with words, else the fields or the count.
 */
export function conflictProblems(snapshot: Snapshot): Problem[] {
  const out: Problem[] = [];
  for (const record of snapshot.records.values()) {
    const notes: unknown = record._conflicts;
    if (!Array.isArray(notes) || notes.length === 0) continue;
    out.push(recordProblem('conflict', record, `${labelOf(record)} ${describeNotes(notes)}`));
  }
  return out;
}

function describeNotes(notes: unknown[]): string {
  if (notes.length > 1) return `has ${notes.length} merge conflicts to review.`;
  const note: unknown = notes[0];
  const text = typeof note === 'object' && note !== null && 'note' in note && typeof note.note === 'string' ? note.note.trim() : '';
  if (text) return `was changed on two devices: ${text}`;
  const field = typeof note === 'object' && note !== null && 'field' in note && typeof note.field === 'string' ? note.field : '';
  return field ? `was changed on two devices; check its ${field}.` : 'has a merge conflict to review.';
}

/** A 'malformed' problem for each file the snapshot could not read. */
export function malformedProblems(snapshot: Snapshot): Problem[] {
  return snapshot.malformed.map(({ path, reason }) => ({ kind: 'malformed', path, message: `Could not read ${path}: ${reason}.` }));
}
