/** What the app knows about sync, as plain data: the settings, the last sync, and the state the UI shows. */
import type { SyncErrorCode, SyncProgress, SyncSuccess } from '../sync/index.ts';

/** Where to sync to, as the Sync tab's form holds it. Kept in `taskgit-settings`, never in the repository. */
export interface RemoteSettings {
  url: string;
  username: string;
  /** A password or access token; sent only to `url` (or through `corsProxy`). */
  token: string;
  /** Optional CORS proxy URL, e.g. for GitHub; empty for none. */
  corsProxy: string;
}

/** The last successful sync, kept across reloads. */
export interface SyncRecord {
  /** The remote it was made with; a record for another URL does not count. */
  remoteUrl: string;
  /** The branch head both sides had afterwards. */
  head: string | undefined;
  /** When it finished, ms since the epoch. */
  at: number;
}

/** idle: nothing to do or waiting; scheduled: a sync starts when the debounce ends. */
export type SyncPhase = 'idle' | 'scheduled' | 'syncing' | 'error';

/** Why the last sync failed, as sync's typed error said it ('local' too when the sync code could not even load). */
export interface SyncFailureInfo {
  code: SyncErrorCode;
  message: string;
  /** The HTTP status the remote answered with, when the failure was one (a 429 has words of its own). */
  status?: number;
  /** How long the remote asked this device to wait before trying again (a 429's or 503's `Retry-After`), in seconds. */
  retryAfterSeconds?: number;
}

/** The plain data of a sync failure, for the state (and the words) the UI keeps. */
export function failureInfo(error: { code: SyncErrorCode; message: string; data: object }): SyncFailureInfo {
  const { code, message, data } = error;
  const info: SyncFailureInfo = { code, message };
  if ('status' in data && typeof data.status === 'number') info.status = data.status;
  if ('retryAfterSeconds' in data && typeof data.retryAfterSeconds === 'number') info.retryAfterSeconds = data.retryAfterSeconds;
  return info;
}

/** Everything the UI shows about sync. Immutable; a new object on every change. */
export interface SyncState {
  readonly phase: SyncPhase;
  /** The remote set in the settings, or `undefined` when none is. */
  readonly remoteUrl: string | undefined;
  /** The branch head on this device (`undefined`: nothing committed yet). */
  readonly localHead: string | undefined;
  /** The head of the last successful sync with `remoteUrl`. */
  readonly syncedHead: string | undefined;
  /** When the remote last confirmed that head: the end of the last successful sync (ms since the epoch). */
  readonly lastSyncAt: number | undefined;
  readonly lastResult: SyncSuccess['kind'] | undefined;
  readonly progress: SyncProgress | undefined;
  /** True while the running sync is a background check nobody asked for (the status bar stays calm). */
  readonly background: boolean;
  readonly error: SyncFailureInfo | undefined;
  /** False while the browser says it is offline. */
  readonly online: boolean;
}

/** Where the newest change is safe: only here, or on the remote as well. */
export type SavedWhere = 'device' | 'remote';

/** 'remote' when the device's head is the one last synced with the set remote. */
export function savedWhere(state: SyncState): SavedWhere {
  const synced = state.remoteUrl !== undefined && state.lastSyncAt !== undefined && state.localHead === state.syncedHead;
  return synced ? 'remote' : 'device';
}
