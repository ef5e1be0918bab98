// Errors of the accounts: each with a stable `code`, the facts in `data`, and words a person
// running the server reads.
import { ServerError } from '../errors.ts';

/** The token file cannot be read or is not one. */
export class TokenFileError extends ServerError {
  readonly code = 'TOKEN_FILE';
  constructor(readonly data: { path: string; problem: string }) {
    super(`The device token file ${data.path} cannot be used: ${data.problem}.`);
  }
}

/** A command was given a name or an id it cannot take. */
export class AccountCommandError extends ServerError {
  readonly code = 'ACCOUNT_COMMAND';
  constructor(readonly data: { problem: string }) {
    super(data.problem);
  }
}
