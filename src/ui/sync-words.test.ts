import { describe, expect, it } from 'vitest';
import type { SyncState } from './sync-controller.ts';
import { bytes, describeProgress, describeSync } from './sync-words.ts';

const BASE: SyncState = {
  phase: 'idle',
  remoteUrl: 'http://127.0.0.1:8174/tasks.git',
  localHead: 'a1',
  syncedHead: undefined,
  lastSyncAt: undefined,
  lastResult: undefined,
  progress: undefined,
  error: undefined,
  online: true,
};
const at = (): string => '12:00';

describe('describeSync', () => {
  it('tells saved on this device from saved on the remote', () => {
    expect(describeSync({ ...BASE, remoteUrl: undefined }, at)).toEqual({ text: 'Saved on this device · no remote set', tone: 'neutral' });
    expect(describeSync(BASE, at)).toEqual({ text: 'Saved on this device · not synced yet', tone: 'pending' });
    expect(describeSync({ ...BASE, syncedHead: 'a1', lastSyncAt: 1 }, at)).toEqual({ text: 'Saved on the remote · synced 12:00', tone: 'ok' });
    expect(describeSync({ ...BASE, syncedHead: 'a0', lastSyncAt: 1 }, at).text).toBe('Saved on this device · last synced 12:00');
    expect(describeSync({ ...BASE, phase: 'scheduled' }, at).text).toBe('Saved on this device · syncing soon');
    expect(describeSync({ ...BASE, online: false }, at).text).toBe('Saved on this device · offline, syncs when back online');
  });

  it('shows progress while syncing and the code of a failure', () => {
    expect(describeSync({ ...BASE, phase: 'syncing', progress: { phase: 'pushing', loaded: 1500, total: 3000 } }, at).text).toBe(
      'Syncing… sending changes 1.5 kB of 3.0 kB',
    );
    expect(describeSync({ ...BASE, phase: 'error', error: { code: 'auth-failed', message: 'no' } }, at)).toEqual({
      text: 'Saved on this device · sync failed (auth-failed)',
      tone: 'error',
    });
  });
});

describe('describeProgress and bytes', () => {
  it('words phases, counts and sizes', () => {
    expect(describeProgress({ phase: 'packing', loaded: 3, total: 9 })).toBe('packing changes 3 of 9');
    expect(describeProgress({ phase: 'remote: Counting objects', loaded: 0 })).toBe('remote: Counting objects');
    expect(describeProgress(undefined)).toBe('');
    expect([bytes(999), bytes(1000), bytes(2_500_000), bytes(10_737_600_000)]).toEqual(['999 B', '1.0 kB', '2.5 MB', '10.7 GB']);
  });
});
