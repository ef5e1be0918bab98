/** The words the sync indicator and the Sync tab use for a {@link SyncState}. */
import { savedWhere, type SyncProgress, type SyncState } from './sync-controller.ts';

/** How the indicator colours itself. */
export type SyncTone = 'ok' | 'pending' | 'error' | 'neutral';

/** One line for the status bar, and its tone. */
export function describeSync(state: SyncState, formatTime: (ms: number) => string = clockTime): { text: string; tone: SyncTone } {
  if (state.phase === 'syncing') return { text: `Syncing… ${describeProgress(state.progress)}`, tone: 'pending' };
  if (state.remoteUrl === undefined) return { text: 'Saved on this device · no remote set', tone: 'neutral' };
  if (state.phase === 'error' && state.error) return { text: `Saved on this device · sync failed (${state.error.code})`, tone: 'error' };
  if (savedWhere(state) === 'remote') return { text: `Saved on the remote · synced ${formatTime(state.lastSyncAt!)}`, tone: 'ok' };
  let when: string;
  if (!state.online) when = 'offline, syncs when back online';
  else if (state.phase === 'scheduled') when = 'syncing soon';
  else if (state.lastSyncAt !== undefined) when = `last synced ${formatTime(state.lastSyncAt)}`;
  else when = 'not synced yet';
  return { text: `Saved on this device · ${when}`, tone: 'pending' };
}

/** A sync phase in words, with bytes or counts when known. */
export function describeProgress(progress: SyncProgress | undefined): string {
  if (!progress) return '';
  const { phase, loaded, total } = progress;
  const words: Record<string, string> = {
    starting: 'starting',
    discovering: 'asking the remote what it has',
    receiving: 'receiving',
    unpacking: 'unpacking',
    storing: 'storing',
    merging: 'merging',
    packing: 'packing changes',
    pushing: 'sending changes',
  };
  const name = words[phase] ?? phase;
  if (phase === 'receiving' || phase === 'pushing') return total ? `${name} ${bytes(loaded)} of ${bytes(total)}` : loaded ? `${name} ${bytes(loaded)}` : name;
  if (total) return `${name} ${loaded} of ${total}`;
  return name;
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
