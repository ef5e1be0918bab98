/**
 * The versioned store: files in branches whose every change is a real git commit, kept in
 * IndexedDB. It knows git and IndexedDB, nothing of tasks, comments or HTTP.
 */
export { openRepo } from './repo.ts';
export type { OpenRepoOptions } from './repo.ts';
export { createMemoryBackend } from './backend/index.ts';
export type { Backend } from './backend/index.ts';
export type {
  Branch,
  Commit,
  CommitInfo,
  FileMergeInput,
  FileMergeResult,
  GitObject,
  MergeFn,
  ObjectAccess,
  ObjectType,
  PathChange,
  RefAccess,
  Repo,
  Signature,
  TransactionContext,
  View,
} from './types.ts';
export { isOid, parseOid } from './oid.ts';
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
export { CONFLICTS_KEY, mergeFileDefault, mergeJsonObjects } from './merge/index.ts';
export type { FieldConflict } from './merge/index.ts';
export {
  FILE_MODE,
  concatBytes,
  decodeCommit,
  decodeTree,
  encodeCommit,
  encodeTree,
  hashObject,
  isTreeMode,
  treeEntryKey,
  unwrapObject,
  wrapObject,
} from './objects/index.ts';
export type { CommitData, TreeEntry } from './objects/index.ts';
