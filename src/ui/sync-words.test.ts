import { describe, expect, it } from 'vitest';
import type { SyncState } from './sync-state.ts';
import { bytes, describeProgress, describeSync, FRESH_MS, progressBar } from './sync-words.ts';

const BASE: SyncState = {
  phase: 'idle',
  remoteUrl: 'http://127.0.0.1:8174/tasks.git',
  localHead: 'a1',
  syncedHead: undefined,
  lastSyncAt: undefined,
  lastResult: undefined,
  progress: undefined,
  background: false,
  error: undefined,
  online: true,
};
const NOW = 1_000_000;
const at = (): string => '12:00';
const words = (state: SyncState, now = NOW) => describeSync(state, now, at);

describe('describeSync', () => {
  it('says "up to date" only while a sync has just confirmed it, else when it last did', () => {
    expect(words({ ...BASE, remoteUrl: undefined })).toEqual({ text: 'Saved on this device · no remote set', tone: 'neutral' });
    expect(words(BASE)).toEqual({ text: 'Saved on this device · not synced yet', tone: 'pending' });
    const synced = { ...BASE, syncedHead: 'a1', lastSyncAt: NOW - 1000 };
    expect(words(synced)).toEqual({ text: 'Up to date with the remote', tone: 'ok' });
    expect(words(synced, NOW - 1000 + FRESH_MS)).toEqual({ text: 'Saved on the remote · last checked 12:00', tone: 'ok' });
    expect(words({ ...BASE, syncedHead: 'a0', lastSyncAt: 1 }).text).toBe('Saved on this device · last synced 12:00');
    expect(words({ ...BASE, phase: 'scheduled' }).text).toBe('Saved on this device · syncing soon');
    expect(words({ ...BASE, online: false }).text).toBe('Saved on this device · offline, syncs when back online');
  });

  it('shows progress while syncing, keeps a background check quiet until it brings news, and names a failure', () => {
    expect(words({ ...BASE, phase: 'syncing', progress: { phase: 'pushing', loaded: 1500, total: 3000 } }).text).toBe('Syncing… sending changes 1.5 kB of 3.0 kB');
    const calm = { ...BASE, syncedHead: 'a1', lastSyncAt: NOW - 1000, phase: 'syncing' as const, background: true };
    expect(words({ ...calm, progress: { phase: 'discovering', loaded: 0 } }).text).toBe('Up to date with the remote');
    expect(words({ ...calm, progress: { phase: 'receiving', loaded: 2000 } }).text).toBe('Syncing… receiving 2.0 kB');
    expect(words({ ...BASE, phase: 'error', error: { code: 'auth-failed', message: 'no' } })).toEqual({
      text: 'Saved on this device · the remote refused the credentials',
      tone: 'error',
    });
    expect(words({ ...BASE, phase: 'error', error: { code: 'unreachable', message: 'no' } }).text).toBe('Saved on this device · the remote cannot be reached');
    expect(words({ ...BASE, phase: 'error', error: { code: 'interrupted', message: 'no' } }).text).toBe('Saved on this device · the remote stopped mid-answer');
    // A 429 is the remote asking to wait, not the remote failing; another status is its error.
    expect(words({ ...BASE, phase: 'error', error: { code: 'server-error', message: 'no', status: 429 } }).text).toBe('Saved on this device · too many attempts, the remote asks to wait');
    expect(words({ ...BASE, phase: 'error', error: { code: 'server-error', message: 'no', status: 503 } }).text).toBe('Saved on this device · the remote had an error');
  });
});

describe('describeProgress and bytes', () => {
  it('words steps, counts and sizes', () => {
    expect(describeProgress({ phase: 'packing', loaded: 3, total: 9 })).toBe('packing changes 3 of 9');
    expect(describeProgress({ phase: 'remote', message: 'Counting objects: 5' })).toBe('remote: Counting objects: 5');
    expect(describeProgress(undefined)).toBe('starting');
    expect(describeProgress({ phase: 'receiving', loaded: 12_300_000, objects: { received: 4000, resolved: 3500, stored: 3000, total: 12_000 } })).toBe(
      'receiving 12.3 MB · 4,000 of 12,000 objects, 3,500 checked, 3,000 stored',
    );
    expect([bytes(999), bytes(1000), bytes(2_500_000), bytes(10_737_600_000)]).toEqual(['999 B', '1.0 kB', '2.5 MB', '10.7 GB']);
  });
});

describe('progressBar', () => {
  it("fills with a fetch's objects received of the pack's count, else with bytes of a known total, else has no end", () => {
    const objects = { received: 1200, resolved: 1100, stored: 900, total: 5000 };
    expect(progressBar({ phase: 'receiving', loaded: 2_000_000, objects })).toEqual({ value: 1200, max: 5000 });
    expect(progressBar({ phase: 'receiving', loaded: 2_000_000, objects: { received: 1200, resolved: 1100, stored: 900 } })).toBeUndefined();
    expect(progressBar({ phase: 'receiving', loaded: 2000 })).toBeUndefined();
    expect(progressBar({ phase: 'pushing', loaded: 1500, total: 3000 })).toEqual({ value: 1500, max: 3000 });
    expect(progressBar({ phase: 'remote', message: 'Counting objects: 12' })).toBeUndefined();
    expect(progressBar(undefined)).toBeUndefined();
  });
});
