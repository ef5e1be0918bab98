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

/** The remote failed (5xx) or answered with a status sync cannot use. */
export class ServerError extends SyncError<{ url: string; status: number; body: string }> {
  constructor(url: string, status: number, body: string) {
    super('server-error', `The remote answered HTTP ${status}${body ? `: ${body}` : ''}. Nothing was lost; try again later.`, { url, status, body });
  }
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
