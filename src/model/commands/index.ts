/** Commands: pure functions from a snapshot to an {@link Edit} (one commit), or a ModelError. */
export { createRecord } from './create.ts';
export type { CreateInput } from './create.ts';
export { updateRecord } from './update.ts';
export type { RecordPatch } from './update.ts';
export { completeAction } from './complete.ts';
export { deleteRecord } from './delete.ts';
export { deleteDoneItems } from './delete-done.ts';
export { convertItem } from './convert.ts';
export { dismissConflict, otherValuePatch, chooseOtherValue } from './conflicts.ts';
export { addLogEntry } from './add-log-entry.ts';
export { MAX_DESCRIPTION_CHARS } from './check-record.ts';
export { markReviewed, resetChecklist, tickChecklistItem } from './review.ts';
