/**
 * Errors the store throws. Each has a stable `code` so callers can branch on it without
 * matching message text, and a `data` payload naming what went wrong.
 */
export type StoreErrorCode =
  | 'invalid-path'
  | 'invalid-oid'
  | 'object-not-found'
  | 'corrupt-object'
  | 'not-a-file'
  | 'not-a-directory'
  | 'invalid-object'
  | 'ref-contention'
  | 'repo-closed'
  | 'invalid-branch'
  | 'invalid-commit-info'
  | 'unavailable';

/** Base class of every error the store throws. */
export class StoreError<D extends object = Record<string, unknown>> extends Error {
  readonly code: StoreErrorCode;
  readonly data: D;

  constructor(code: StoreErrorCode, message: string, data: D) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.data = data;
  }
}

/** A path with an empty segment, `.` or `..`, a NUL byte, or a leading/trailing slash. */
export class InvalidPathError extends StoreError<{ path: string; reason: string }> {
  constructor(path: string, reason: string) {
    super('invalid-path', `Invalid path ${JSON.stringify(path)}: ${reason}.`, { path, reason });
  }
}

/** A string that is not 40 lowercase hex characters where an object id was expected. */
export class InvalidOidError extends StoreError<{ value: string }> {
  constructor(value: string) {
    super('invalid-oid', `Not an object id: ${JSON.stringify(value)} (expected 40 hex characters).`, {
      value,
    });
  }
}

/** The object (commit, tree or blob) is not in this repository. */
export class ObjectNotFoundError extends StoreError<{ oid: string; expected?: string }> {
  constructor(oid: string, expected?: string) {
    super('object-not-found', `No ${expected ?? 'object'} ${oid} in this repository.`, {
      oid,
      ...(expected === undefined ? {} : { expected }),
    });
  }
}

/** Stored bytes do not hash to their id, or cannot be parsed: the object is never returned. */
export class CorruptObjectError extends StoreError<{ oid: string; reason: string }> {
  constructor(oid: string, reason: string) {
    super('corrupt-object', `Object ${oid} is corrupt: ${reason}.`, { oid, reason });
  }
}

/** An object has the wrong type for its use (a blob where a commit was expected...). */
export class WrongObjectTypeError extends StoreError<{ oid: string; expected: string; actual: string }> {
  constructor(oid: string, expected: string, actual: string) {
    super('invalid-object', `Object ${oid} is a ${actual}, not a ${expected}.`, { oid, expected, actual });
  }
}

/** The bytes handed to a decoder are not a valid git object of that type. */
export class InvalidObjectError extends StoreError<{ type: string; reason: string }> {
  constructor(type: string, reason: string) {
    super('invalid-object', `Invalid ${type} object: ${reason}.`, { type, reason });
  }
}

/** A path that names a directory (or nothing) where a file was expected, or the reverse. */
export class NotAFileError extends StoreError<{ path: string }> {
  constructor(path: string) {
    super('not-a-file', `${JSON.stringify(path)} is a directory, not a file.`, { path });
  }
}

/** A path whose parent is a file, so nothing can be placed under it. */
export class NotADirectoryError extends StoreError<{ path: string }> {
  constructor(path: string) {
    super('not-a-directory', `${JSON.stringify(path)} is a file, not a directory.`, { path });
  }
}

/** A commit lost the race for its branch head more times than the retry budget allows. */
export class RefContentionError extends StoreError<{ ref: string; attempts: number }> {
  constructor(ref: string, attempts: number) {
    super(
      'ref-contention',
      `Branch ${ref} kept moving under this commit (${attempts} attempts); nothing was lost, try again.`,
      { ref, attempts },
    );
  }
}

/** The repository was closed; open it again to go on. */
export class RepoClosedError extends StoreError<{ name: string }> {
  constructor(name: string) {
    super('repo-closed', `Repository ${JSON.stringify(name)} is closed.`, { name });
  }
}
