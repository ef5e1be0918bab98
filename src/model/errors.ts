/**
 * Errors the model's commands throw. Each has a stable `code` to branch on, a message written
 * for the person (the UI shows it as is) and a `data` payload naming what went wrong.
 */
export type ModelErrorCode =
  /** The record the command names is not in the snapshot. */
  | 'not-found'
  /** The command is understood but not allowed (a guard said no): deleting a used contact. */
  | 'refused'
  /** The input itself is wrong: an empty name, a context that is not a context, a bad date. */
  | 'invalid'
  /** Data from elsewhere (another app's repository) could not be read; nothing was written. */
  | 'unreadable';

/** The one error class of src/model; `message` is the reason, in words for the person. */
export class ModelError<D extends object = Record<string, unknown>> extends Error {
  readonly code: ModelErrorCode;
  readonly data: D;

  constructor(code: ModelErrorCode, message: string, data: D = {} as D) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    this.data = data;
  }
}

/** True for a {@link ModelError}, optionally of one code. */
export function isModelError(error: unknown, code?: ModelErrorCode): error is ModelError {
  return error instanceof ModelError && (code === undefined || error.code === code);
}
