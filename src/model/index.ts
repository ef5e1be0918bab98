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
export { STATES } from './states.ts';
export type { RepeatUnit, StatefulKind } from './states.ts';
export { recordPath, RECORD_FOLDERS } from './paths.ts';
export { isMalformed, parseRecord } from './validate-record.ts';
export type { MalformedRecord } from './validate-record.ts';
export { encodeRecord } from './encode-record.ts';
export { isItem } from './snapshot.ts';
export type { Edit, RecordChange, Snapshot } from './snapshot.ts';
export { loadSnapshot } from './load-snapshot.ts';
export { Tasks } from './tasks.ts';
export type { Author, ChangeSource, CommitEvent, OpenTasksOptions, UndoResult } from './tasks.ts';
export { mergeRecordFile, quoteValue } from './merge-records.ts';
export * from './queries/index.ts';
export { addDays, dayParts, daysBetween, parseDay, todayOf } from './dates.ts';
export type { DayParts } from './dates.ts';
export { describeRepeat, MAX_REPEAT_EVERY, occurrence, repeatProblem } from './repeat.ts';
export { dueActions, isDue, nextDueChange } from './due.ts';
export { isModelError, ModelError } from './errors.ts';
export type { ModelErrorCode } from './errors.ts';
export { quoteName } from './record-name.ts';
export { canConvert, canDelete, canMove, countItems, descendantsOf } from './guards.ts';
export type { DeleteOptions, GuardResult } from './guards.ts';
export {
  addLogEntry,
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
  MAX_DESCRIPTION_CHARS,
  updateRecord,
} from './commands/index.ts';
export type { CreateInput, RecordPatch } from './commands/index.ts';
export type { Commit, PathChange } from '../store/index.ts';
export { describeCommit } from './describe-commit.ts';
export type { CommitChanges } from './describe-commit.ts';
export { demoDataEdit, startEmptyEdit, WEEKLY_REVIEW_CHECKLIST, WEEKLY_REVIEW_NAME } from './demo-data.ts';
export { checklistItems } from './checklist.ts';
export type { ChecklistItem } from './checklist.ts';
export { CUEKEEPER_BRANCH, importCueKeeper, openScratchRepo } from './cuekeeper/index.ts';
export type { CueKeeperCounts, CueKeeperImport, CueKeeperImported } from './cuekeeper/index.ts';
