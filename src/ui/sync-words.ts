/** The words the sync indicator and the Sync tab use for a {@link SyncState}. */
import type { ObjectCounts, SyncErrorCode, SyncPhase, SyncProgress } from '../sync/index.ts';
import { savedWhere, type SyncFailureInfo, type SyncState } from './sync-state.ts';

/** How the indicator colours itself. */
export type SyncTone = 'ok' | 'pending' | 'error' | 'neutral';

/**
 * How long after the remote last confirmed this device's head the status may say "Up to date
 * with the remote": a little over two background checks, so a visible app that keeps checking
 * keeps saying it, and one that stopped (hidden, offline, failing) says when it last knew.
 */
export const FRESH_MS = 150_000;

/** Why the last sync failed, in a few words for the status bar and the Sync tab's headline. */
export const FAILURE_WORDS: Record<SyncErrorCode, string> = {
  offline: 'offline, syncs when back online',
  unreachable: 'the remote cannot be reached',
  'not-a-remote': 'the remote URL is not a git remote',
  'auth-failed': 'the remote refused the credentials',
  rejected: 'the remote refused the changes',
  'server-error': 'the remote had an error',
  interrupted: 'the remote stopped mid-answer',
  protocol: 'the remote’s answer could not be read',
  local: 'sync failed on this device',
  'storage-full': 'not enough storage on this device',
  aborted: 'sync was stopped',
  'invalid-bundle': 'not a Taskgit export',
};

/** A 429's headline: the remote is not broken, it asks this device to wait. */
const TURNED_AWAY = 'too many attempts, the remote asks to wait';

/** Why a sync failed, in a few words: {@link FAILURE_WORDS}, except that a 429 is not an error of the remote. */
export function failureWords(error: SyncFailureInfo): string {
  return error.code === 'server-error' && error.status === 429 ? TURNED_AWAY : FAILURE_WORDS[error.code];
}

/** True when a sync has just confirmed that the remote has this device's head. */
export function isUpToDate(state: SyncState, now: number): boolean {
  return savedWhere(state) === 'remote' && state.lastSyncAt !== undefined && now - state.lastSyncAt < FRESH_MS;
}

/** One line for the status bar, and its tone, at the time `now`. */
export function describeSync(state: SyncState, now: number, formatTime: (ms: number) => string = clockTime): { text: string; tone: SyncTone } {
  // A background check that finds nothing stays out of sight; one that brings news shows it.
  const quietCheck = state.background && (state.progress === undefined || state.progress.phase === 'discovering');
  if (state.phase === 'syncing' && !quietCheck) return { text: `Syncing… ${describeProgress(state.progress)}`, tone: 'pending' };
  if (state.remoteUrl === undefined) return { text: 'Saved on this device · no remote set', tone: 'neutral' };
  if (state.error && (state.phase === 'error' || quietCheck)) return { text: `Saved on this device · ${failureWords(state.error)}`, tone: 'error' };
  if (isUpToDate(state, now)) return { text: 'Up to date with the remote', tone: 'ok' };
  if (savedWhere(state) === 'remote') return { text: `Saved on the remote · last checked ${formatTime(state.lastSyncAt!)}`, tone: 'ok' };
  let when: string;
  if (!state.online) when = 'offline, syncs when back online';
  else if (state.phase === 'scheduled') when = 'syncing soon';
  else if (state.lastSyncAt !== undefined) when = `last synced ${formatTime(state.lastSyncAt)}`;
  else when = 'not synced yet';
  return { text: `Saved on this device · ${when}`, tone: 'pending' };
}

const PHASE_WORDS: Record<SyncPhase, string> = {
  discovering: 'asking the remote what it has',
  receiving: 'receiving',
  unpacking: 'unpacking',
  storing: 'storing',
  checking: 'checking what arrived',
  merging: 'merging',
  packing: 'packing changes',
  pushing: 'sending changes',
};

/** A sync step in words, with bytes or counts when known. */
export function describeProgress(progress: SyncProgress | undefined): string {
  if (!progress) return 'starting';
  if (progress.phase === 'remote') return `remote: ${progress.message}`;
  const { phase, loaded, total } = progress;
  const name = PHASE_WORDS[phase];
  if (progress.objects) return `${name} ${bytes(loaded)} · ${describeObjects(progress.objects)}`;
  if (phase === 'receiving' || phase === 'pushing') return total ? `${name} ${bytes(loaded)} of ${bytes(total)}` : loaded ? `${name} ${bytes(loaded)}` : name;
  if (total) return `${name} ${loaded} of ${total}`;
  return name;
}

/**
 * What the progress bar shows, or `undefined` for a bar with no end: a fetch's objects received
 * of those its pack declares (known from the pack's first bytes, while the size in bytes is not),
 * else bytes of a known total.
 */
export function progressBar(progress: SyncProgress | undefined): { value: number; max: number } | undefined {
  if (!progress || progress.phase === 'remote') return undefined;
  if (progress.objects?.total) return { value: progress.objects.received, max: progress.objects.total };
  if (progress.total) return { value: progress.loaded, max: progress.total };
  return undefined;
}

/** A fetch's objects: `1,200 of 5,000 objects, 1,100 checked, 900 stored`. */
function describeObjects({ received, resolved, stored, total }: ObjectCounts): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return `${count(received)}${total === undefined ? '' : ` of ${count(total)}`} objects, ${count(resolved)} checked, ${count(stored)} stored`;
}

/** `1.2 MB`-style sizes. */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  return `${(n / 1_000_000_000).toFixed(1)} GB`;
}

/** Today: `14:05`; another day: `3 Mar, 14:05`. */
export function clockTime(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return new Date(now).toDateString() === date.toDateString() ? time : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}
