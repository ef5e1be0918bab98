// Errors of the Node-side servers: one class per failure, each with a stable `code` and the
// facts a log line needs in `data`. A server answers the request it failed (a plain 500) and
// hands the error to its `onError` hook; it never throws them out of a request handler.

/** Base of every error raised by the servers in `server/`. */
export abstract class ServerError extends Error {
  /** Stable, machine-readable name of the failure. */
  abstract readonly code: string;
  override readonly name: string = this.constructor.name;
}

/** `git http-backend` could not be started (a missing or non-executable binary). */
export class BackendSpawnError extends ServerError {
  readonly code = 'BACKEND_SPAWN_FAILED';
  constructor(
    readonly data: { command: string },
    options?: ErrorOptions,
  ) {
    super(`Could not start ${data.command}.`, options);
  }
}

/** `git http-backend` ended without a valid CGI header block, so nothing could be answered. */
export class BackendFailedError extends ServerError {
  readonly code = 'BACKEND_FAILED';
  constructor(readonly data: { command: string; exitCode: number | null; signal: string | null; stderr: string }) {
    const how = data.signal === null ? `exit ${String(data.exitCode)}` : `signal ${data.signal}`;
    super(`${data.command} failed before answering (${how})${data.stderr === '' ? '' : `: ${data.stderr.trim()}`}`);
  }
}

/** A bare repository could not be created on first use. */
export class RepoInitError extends ServerError {
  readonly code = 'REPO_INIT_FAILED';
  constructor(
    readonly data: { dir: string },
    options?: ErrorOptions,
  ) {
    super(`Could not create the bare repository ${data.dir}.`, options);
  }
}
