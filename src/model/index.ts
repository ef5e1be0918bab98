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
  Repeat,
} from './types.ts';
export { idFromPath, isRecordId, recordPath, RECORD_FOLDERS } from './paths.ts';
export { isMalformed, parseRecord } from './validate-record.ts';
export type { MalformedRecord } from './validate-record.ts';
export { encodeRecord } from './encode-record.ts';
export { childrenOf, EMPTY_SNAPSHOT, isItem } from './snapshot.ts';
export type { Edit, RecordChange, Snapshot } from './snapshot.ts';
