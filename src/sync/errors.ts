/** Why a sync failed; stable, for code to branch on and for the UI to word. */
export type SyncErrorCode = 'offline' | 'auth-failed' | 'rejected' | 'protocol' | 'server-error' | 'aborted' | 'not-found' | 'invalid-bundle';

/** Base class of every error sync throws. `message` says what happened and what to do. */
export class SyncError<D extends object = Record<string, unknown>> extends Error {
  readonly code: SyncErrorCode;
  readonly data: D;

  constructor(code: SyncErrorCode, message: string, data: D, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.data = data;
  }
}

/** The remote could not be reached (no network, refused, reset, timed out). */
export class OfflineError extends SyncError<{ url: string; reason: string }> {
  constructor(url: string, reason: string, cause?: unknown) {
    super('offline', `Could not reach ${url} (${reason}). Your changes are saved on this device; sync again when you are online.`, { url, reason }, { cause });
  }
}

/** The remote answered 401/403: credentials missing or wrong. */
export class AuthFailedError extends SyncError<{ url: string; status: number }> {
  constructor(url: string, status: number) {
    super('auth-failed', `The remote refused the credentials (HTTP ${status}). Check the username and token in the sync settings.`, { url, status });
  }
}

/** The remote has no such repository (404). */
export class NotFoundError extends SyncError<{ url: string }> {
  constructor(url: string) {
    super('not-found', `No git repository at ${url} (HTTP 404). Check the remote URL.`, { url });
  }
}

/** What a {@link ServerError} knows: the status, the start of the body, and any wait the remote asked for. */
export interface ServerErrorData {
  url: string;
  status: number;
  body: string;
  /** Seconds to wait before trying again, from the answer's `Retry-After` (a 429 or 503). */
  retryAfterSeconds?: number;
}

/** The remote failed (5xx) or answered with a status sync cannot use. */
export class ServerError extends SyncError<ServerErrorData> {
  constructor(url: string, status: number, body: string, retryAfterSeconds?: number) {
    const data: ServerErrorData = retryAfterSeconds === undefined ? { url, status, body } : { url, status, body, retryAfterSeconds };
    super('server-error', describeStatus(data), data);
  }
}

/**
 * The remote is taking too many requests from this address (HTTP 429): a `server-error` whose
 * `data.status` is 429 and `data.retryAfterSeconds` the wait it asked for, if it said.
 */
export class RateLimitedError extends ServerError {
  constructor(url: string, body: string, retryAfterSeconds: number | undefined) {
    super(url, 429, body, retryAfterSeconds);
  }
}

function describeStatus({ status, body, retryAfterSeconds }: ServerErrorData): string {
  if (status !== 429) return `The remote answered HTTP ${status}${body ? `: ${body}` : ''}. Nothing was lost; try again later.`;
  const wait = retryAfterSeconds === undefined ? 'later' : `in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`;
  return `The remote is taking too many pushes from this address (HTTP 429). Your changes are saved on this device; try again ${wait}.`;
}

/** The remote refused the push (a hook said no, or another device kept winning the race). */
export class RejectedError extends SyncError<{ ref: string; reason: string }> {
  constructor(ref: string, reason: string) {
    super('rejected', `The remote refused to update ${ref}: ${reason}. Your changes are kept on this device.`, { ref, reason });
  }
}

/** The caller's AbortSignal stopped the sync. */
export class AbortedError extends SyncError<{ phase: string }> {
  constructor(phase: string) {
    super('aborted', `Sync was stopped during ${phase}. Nothing was lost.`, { phase });
  }
}
