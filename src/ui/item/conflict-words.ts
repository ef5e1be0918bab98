import { quoteValue, type ConflictNote } from '../../model/index.ts';

/** A merge's note in words: its own `note`, else what was kept and what was discarded. */
export function conflictWords(conflict: ConflictNote): string {
  if (typeof conflict.note === 'string' && conflict.note.trim() !== '') return conflict.note;
  const kept = conflict.kept === undefined ? 'nothing' : quoteValue(conflict.kept);
  const discarded = conflict.discarded === undefined ? 'the other device removed it' : `discarded ${quoteValue(conflict.discarded)}`;
  return `Both devices changed ${conflict.field}: kept ${kept}, ${discarded}.`;
}
