/**
 * Why a sync failed; stable, for code to branch on and for the UI to word. Each names one cause
 * a person can act on:
 * - `offline`: the browser has no network;
 * - `unreachable`: the server could not be reached (refused, no such host, no answer in time);
 * - `not-a-remote`: something answered, but not a git remote (a 404, a web page);
 * - `auth-failed`: the remote refused the credentials, or asked for some (401, 403);
 * - `rejected`: the remote refused the push, in its own words;
 * - `server-error`: the remote failed (5xx) or answered with a status sync cannot use;
 * - `interrupted`: the remote stopped in the middle of an answer;
 * - `protocol`: the remote's answer was not valid git;
 * - `local`: this device could not do its part (its storage failed, or is full);
 * - `storage-full`: a fetch would not fit in the storage the browser grants, refused before anything was written;
 * - `aborted`: the caller stopped the sync;
 * - `invalid-bundle`: an import file that is not a good export.
 */
export type SyncErrorCode =
  | 'offline'
  | 'unreachable'
  | 'not-a-remote'
  | 'auth-failed'
  | 'rejected'
  | 'server-error'
  | 'interrupted'
  | 'protocol'
  | 'local'
  | 'storage-full'
  | 'aborted'
  | 'invalid-bundle';

/** Base class of every error sync reports. `message` says what happened and what to do. */
export class SyncError<D extends object = object> extends Error {
  readonly code: SyncErrorCode;
  readonly data: D;

  constructor(code: SyncErrorCode, message: string, data: D, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.data = data;
  }
}

const KEPT = 'Your changes are saved on this device.';

/** The browser says it has no network. */
export class OfflineError extends SyncError<{ url: string }> {
  constructor(url: string, cause?: unknown) {
    super('offline', `This device is offline. ${KEPT} They sync when it is back online.`, { url }, { cause });
  }
}

/** Why a server could not be reached, as far as the platform tells. */
export type UnreachableReason = 'refused' | 'no-such-host' | 'timeout' | 'reset' | 'certificate' | 'network';

const UNREACHABLE_WORDS: Record<UnreachableReason, string> = {
  refused: 'the connection was refused; is the server running?',
  'no-such-host': 'there is no such host; check the address',
  timeout: 'it did not answer in time',
  reset: 'the connection was cut before it answered',
  certificate: 'its certificate was not accepted',
  network: 'the browser could not connect; the server may be down, the address mistyped, or the connection blocked',
};

/** The network is up, but the remote's server could not be reached. */
export class UnreachableError extends SyncError<{ url: string; reason: UnreachableReason; detail: string }> {
  constructor(url: string, reason: UnreachableReason, detail: string, cause?: unknown) {
    super('unreachable', `Could not reach ${describeRemote(url)}: ${UNREACHABLE_WORDS[reason]}. ${KEPT}`, { url, reason, detail }, { cause });
  }
}

/** How an answer showed it was not from a git remote. */
export type NotARemoteReason = 'not-found' | 'web-page' | 'not-git';

/** Something answered at the URL, but not a git remote over smart HTTP. */
export class NotARemoteError extends SyncError<{ url: string; reason: NotARemoteReason; status: number }> {
  constructor(url: string, reason: NotARemoteReason, status: number) {
    const what =
      reason === 'not-found'
        ? `there is no git repository there (HTTP ${status})`
        : reason === 'web-page'
          ? 'it answered with a web page, not git'
          : 'it answered, but not as a git server does';
    super('not-a-remote', `${url} is not a git remote: ${what}. Check the remote URL; it usually ends in “.git”.`, { url, reason, status });
  }
}

/** What an {@link AuthFailedError} knows; `reason` is the remote's own words ('' when it gave none). */
export interface AuthFailedData {
  url: string;
  status: number;
  sentCredentials: boolean;
  reason: string;
}

/** The remote answered 401/403: credentials missing or wrong, with its own reason when it gave one. */
export class AuthFailedError extends SyncError<AuthFailedData> {
  constructor(url: string, status: number, sentCredentials: boolean, reason = '') {
    const message = sentCredentials
      ? `The remote refused the username and token (HTTP ${status}). Check them in the sync settings.`
      : `The remote asks for a username and token (HTTP ${status}). Enter them in the sync settings.`;
    super('auth-failed', `${message}${inTheirWords(reason)}`, { url, status, sentCredentials, reason });
  }
}

/** " The remote says: “…”" for a reason the remote gave (already made plain text by server-words.ts); '' without one. */
function inTheirWords(reason: string): string {
  return reason ? ` The remote says: “${reason}”` : '';
}

/** What a {@link ServerError} knows: the status, the start of the body (plain text, see server-words.ts), and any wait the remote asked for. */
export interface ServerErrorData {
  url: string;
  status: number;
  body: string;
  /** Seconds to wait before trying again, from the answer's `Retry-After` (a 429 or 503). */
  retryAfterSeconds?: number;
}

/** The remote failed (5xx) or answered with a status sync cannot use. */
export class ServerError extends SyncError<ServerErrorData> {
  constructor(url: string, status: number, body: string, retryAfterSeconds?: number, sentCredentials = false) {
    const data: ServerErrorData = retryAfterSeconds === undefined ? { url, status, body } : { url, status, body, retryAfterSeconds };
    super('server-error', describeStatus(data, sentCredentials), data);
  }
}

/**
 * The remote turns this address away for a while (HTTP 429): too many attempts, such as
 * sign-ins with a wrong token (the production server), or pushes (the comment remote). A
 * `server-error` whose `data.status` is 429 and `data.retryAfterSeconds` the wait it asked for,
 * if it said. With credentials sent, the words point at them too.
 */
export class RateLimitedError extends ServerError {
  constructor(url: string, body: string, retryAfterSeconds: number | undefined, sentCredentials = false) {
    super(url, 429, body, retryAfterSeconds, sentCredentials);
  }
}

function describeStatus({ status, body, retryAfterSeconds }: ServerErrorData, sentCredentials: boolean): string {
  if (status !== 429) return `The remote had an error (HTTP ${status}${body ? `: ${body}` : ''}). ${KEPT} Try again later.`;
  const why = sentCredentials
    ? 'too many attempts from this address, such as sign-ins with a wrong username or token'
    : 'too many attempts from this address';
  const wait = retryAfterSeconds === undefined ? 'later' : `in ${describeWait(retryAfterSeconds)}`;
  const check = sentCredentials ? '; if the token may be wrong, check it in the sync settings first' : '';
  return `The remote turned this device away for now (HTTP 429): ${why}.${inTheirWords(body)} ${KEPT} Try again ${wait}${check}.`;
}

/** `45 seconds`, `9 minutes`, `2 hours`: a wait a person can plan by, never shorter than asked. */
function describeWait(seconds: number): string {
  const [count, unit] = seconds < 90 ? [seconds, 'second'] : seconds < 90 * 60 ? [Math.ceil(seconds / 60), 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The remote stopped in the middle of an answer (its connection closed, or it went silent). */
export class InterruptedError extends SyncError<{ url: string; received: number; reason: 'cut' | 'timeout' }> {
  constructor(url: string, received: number, reason: 'cut' | 'timeout', cause?: unknown) {
    const how = reason === 'timeout' ? 'went silent' : 'stopped';
    super('interrupted', `The remote ${how} in the middle of its answer (after ${received} bytes). ${KEPT} Sync again.`, { url, received, reason }, { cause });
  }
}

/** The remote refused the push (a hook said no, or another device kept winning the race). */
export class RejectedError extends SyncError<{ ref: string; reason: string }> {
  constructor(ref: string, reason: string) {
    super('rejected', `The remote refused the push: ${reason}. ${KEPT}`, { ref, reason });
  }
}

/** This device failed at its part: its storage refused a write (full, closed, corrupt). */
export class LocalError extends SyncError<{ name: string; detail: string }> {
  constructor(cause: unknown) {
    const name = cause instanceof Error ? cause.name : 'Error';
    const detail = cause instanceof Error ? cause.message : String(cause);
    const what =
      name === 'QuotaExceededError'
        ? 'the storage this browser gives Taskgit is full; free some disk space, then sync again'
        : (detail || name).replace(/\.$/, '');
    super('local', `Sync stopped on this device: ${what}. Nothing was lost.`, { name, detail }, { cause });
  }
}

/** The caller's AbortSignal stopped the sync. */
export class AbortedError extends SyncError<{ phase: string }> {
  constructor(phase: string) {
    super('aborted', `Sync was stopped during ${phase}. Nothing was lost.`, { phase });
  }
}

/** A fetch would not fit in the storage the browser gives this site: refused, with nothing written. */
export class StorageFullError extends SyncError<{ neededBytes: number; availableBytes: number | undefined }> {
  constructor(neededBytes: number, availableBytes: number | undefined) {
    const mb = (bytes: number) => `${Math.ceil(bytes / 1e6).toLocaleString('en-US')} MB`;
    const room = availableBytes === undefined ? 'the browser refused to store more' : `the browser lets this site store only ${mb(availableBytes)} more`;
    super(
      'storage-full',
      `This repository needs more than ${mb(neededBytes)} on this device, but ${room}. Nothing was written; free some space (or ask the browser to keep this site's data) and sync again.`,
      { neededBytes, availableBytes },
    );
  }
}

/** `error`, or where it is IndexedDB's own quota, the same words as a foreseen one ({@link StorageFullError}). */
export function quotaAsStorageFull(error: unknown, neededBytes: number, availableBytes: number | undefined): unknown {
  return error instanceof Error && error.name === 'QuotaExceededError' ? new StorageFullError(neededBytes, availableBytes) : error;
}

/** `host/path` of a remote URL for messages; the URL itself when it cannot be parsed. */
export function describeRemote(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`;
  } catch {
    return url;
  }
}

/** Any failure as a SyncError: typed ones as they are, anything else (storage, a bug) as a {@link LocalError}. */
export function toSyncError(error: unknown): SyncError {
  return error instanceof SyncError ? error : new LocalError(error);
}
