/**
 * The versioned store: files in branches whose every change is a real git commit, kept in
 * IndexedDB. It knows git and IndexedDB, nothing of tasks, comments or HTTP.
 */
export { openRepo } from './repo.ts';
export type { OpenRepoOptions } from './repo.ts';
export { DEFAULT_CHUNK_CACHE_BYTES, createMemoryBackend, deleteIndexedDbBackend as deleteRepo } from './backend/index.ts';
export type { Backend } from './backend/index.ts';
export { ObjectRunBuilder } from './backend/object-batch.ts';
export { deflatedRecordLength, looseForm } from './backend/stored-record.ts';
export { openImportWriter } from './backend/indexeddb-import.ts';
export type { ImportTarget, ImportWriter } from './backend/indexeddb-import.ts';
export type { ObjectRun } from './backend/object-batch.ts';
export type {
  Branch,
  Commit,
  CommitInfo,
  FileMergeInput,
  FileMergeResult,
  GitStore,
  ImportRefMove,
  MergeFn,
  ObjectImport,
  ObjectAccess,
  ObjectGraph,
  PathChange,
  RefAccess,
  Repo,
  TransactionContext,
  View,
} from './types.ts';
export { MAX_TREE_DEPTH, listLinks } from './graph/index.ts';
export type { ClosureProblem, ObjectLink, WalkProgress } from './graph/index.ts';
export { isOid, oidFromBytes, parseOid } from './oid.ts';
export { mapInGroups, TimeSlice, yieldToEventLoop } from './time-slice.ts';
export type { Oid } from './oid.ts';
export {
  CorruptObjectError,
  InvalidObjectError,
  InvalidOidError,
  InvalidPathError,
  NotADirectoryError,
  NotAFileError,
  ObjectNotFoundError,
  RefContentionError,
  RepoClosedError,
  StoreError,
  WrongObjectTypeError,
} from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export { canonicalJson, encodeJson, parseJsonObject } from './json.ts';
export type { Json, JsonObject } from './json.ts';
export { CONFLICTS_KEY, mergeJsonObjects } from './merge/index.ts';
export type { FieldConflict } from './merge/index.ts';
export {
  EMPTY_TREE,
  FILE_MODE,
  concatBytes,
  decodeCommit,
  decodeTagTarget,
  decodeTree,
  encodeCommit,
  encodeTree,
  findTreeProblem,
  hashObject,
  isTreeMode,
  unwrapObject,
  wrapObject,
} from './objects/index.ts';
export type { CommitData, GitObject, ObjectType, Signature, TagTarget, TreeEntry } from './objects/index.ts';
