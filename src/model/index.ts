/**
 * The GTD domain: records (areas, projects, actions, contacts, contexts), their validation,
 * commands, queries and merge rules. Pure functions wherever possible; no React.
 */
export type {
  ActionRecord,
  ActionState,
  AnyRecord,
  AreaRecord,
  ConflictNote,
  ContactRecord,
  ContextRecord,
  Day,
  ItemKind,
  ItemRecord,
  ProjectRecord,
  ProjectState,
  RecordKind,
  JsonFields,
  Repeat,
} from './types.ts';
export { ACTION_STATES, hasStates, isActionState, isProjectState, isRepeatUnit, isStateOf, PROJECT_STATES, REPEAT_UNITS, STATES } from './states.ts';
export type { RepeatUnit, StatefulKind } from './states.ts';
export { idFromPath, isRecordId, recordPath, RECORD_FOLDERS } from './paths.ts';
export { isMalformed, parseRecord } from './validate-record.ts';
export type { MalformedRecord } from './validate-record.ts';
export { encodeRecord } from './encode-record.ts';
export { childrenOf, EMPTY_SNAPSHOT, isItem } from './snapshot.ts';
export type { Edit, RecordChange, Snapshot } from './snapshot.ts';
export { loadSnapshot, patchSnapshot } from './load-snapshot.ts';
export { Tasks } from './tasks.ts';
export type { Author, ChangeSource, CommitEvent, OpenTasksOptions, UndoResult } from './tasks.ts';
export {
  addConflictNotes,
  DESCRIPTION_SEPARATOR,
  KEPT_OVER_DELETION_NOTE,
  mergeRecordFile,
  quoteValue,
  withConflictNotes,
} from './merge-records.ts';
export { repairLinks } from './repair-links.ts';
export type { LookupDeleted } from './repair-links.ts';
export * from './queries/index.ts';
export { addDays, compareDays, dayFromParts, dayParts, daysBetween, daysInMonth, parseDay, todayOf } from './dates.ts';
export type { DayParts } from './dates.ts';
export { describeRepeat, MAX_REPEAT_EVERY, nextOccurrence, occurrence, repeatProblem } from './repeat.ts';
export { dueActions, isDue, nextDueChange } from './due.ts';
export { isModelError, ModelError } from './errors.ts';
export type { ModelErrorCode } from './errors.ts';
export { kindWithArticle, MAX_MESSAGE_NAME, messageName, quoteName } from './record-name.ts';
export { canConvert, canDelete, canHold, canMove, canPlace, countItems, descendantsOf, findReferences, isItemKind } from './guards.ts';
export type { DeleteOptions, GuardResult } from './guards.ts';
export {
  ACTION_TO_PROJECT_STATE,
  addLogEntry,
  changedFields,
  completeAction,
  convertItem,
  createRecord,
  deleteDoneItems,
  deleteRecord,
  markReviewed,
  resetChecklist,
  tickChecklistItem,
  dismissConflict,
  otherValuePatch,
  chooseOtherValue,
  doneItemsToDelete,
  EDITABLE_FIELDS,
  MAX_DESCRIPTION_CHARS,
  PROJECT_TO_ACTION_STATE,
  updateRecord,
} from './commands/index.ts';
export type { CreateInput, RecordPatch } from './commands/index.ts';
export type { Commit, PathChange } from '../store/index.ts';
export { describeChange } from './describe-change.ts';
export type { RecordSource } from './describe-change.ts';
export { describeCommit } from './describe-commit.ts';
export type { CommitChanges } from './describe-commit.ts';
export { DEMO_DATA_MESSAGE, demoDataEdit, START_EMPTY_MESSAGE, startEmptyEdit, WEEKLY_REVIEW_CHECKLIST, WEEKLY_REVIEW_ID, WEEKLY_REVIEW_NAME } from './demo-data.ts';
export { STARTER_CLEANUP_MESSAGE } from './starter-cleanup.ts';
export { waitForHead } from './wait-for-head.ts';
export { checklistItems } from './checklist.ts';
export type { ChecklistItem } from './checklist.ts';
export { CUEKEEPER_BRANCH, CUEKEEPER_FORMAT, importCueKeeper, openScratchRepo, readCueKeeper } from './cuekeeper/index.ts';
export type { CueKeeperCounts, CueKeeperImport, CueKeeperImported } from './cuekeeper/index.ts';
