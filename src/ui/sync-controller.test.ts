import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { savedWhere, SyncController, type RemoteSettings, type SyncOutcome, type SyncProgress, type SyncRecord } from './sync-controller.ts';

const REMOTE: RemoteSettings = { url: 'http://127.0.0.1:8174/tasks.git', username: '', token: '', corsProxy: '' };

/** A sync whose calls the test resolves or rejects by hand. */
function fakeSync() {
  const calls: Array<{ settings: RemoteSettings; onProgress: (p: SyncProgress) => void; resolve: (o: SyncOutcome) => void; reject: (e: unknown) => void }> = [];
  const run = vi.fn(
    (settings: RemoteSettings, onProgress: (p: SyncProgress) => void) =>
      new Promise<SyncOutcome>((resolve, reject) => calls.push({ settings, onProgress, resolve, reject })),
  );
  return { run, calls };
}

class CodedError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Lets pending promise callbacks run (fake timers leave microtasks alone). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('SyncController', () => {
  let events: EventTarget;
  let online: boolean;
  let saved: SyncRecord[];

  beforeEach(() => {
    vi.useFakeTimers();
    events = new EventTarget();
    online = true;
    saved = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function make(run: ReturnType<typeof fakeSync>['run']): SyncController {
    const controller = new SyncController({
      run,
      events,
      isOnline: () => online,
      now: () => 1_000,
      saveRecord: async (record) => void saved.push(record),
    });
    controller.start();
    return controller;
  }

  it('does nothing without a remote, and says the change is saved on this device', async () => {
    const { run } = fakeSync();
    const controller = make(run);
    controller.headChanged('a1');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState().phase).toBe('idle');
    expect(savedWhere(controller.getState())).toBe('device');
  });

  it('syncs once, 2 s after the last of several quick new heads', async () => {
    const { run, calls } = fakeSync();
    const controller = make(run);
    controller.configure(REMOTE);
    controller.headChanged('a1');
    expect(controller.getState().phase).toBe('scheduled');
    await vi.advanceTimersByTimeAsync(1_500);
    controller.headChanged('a2');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(controller.getState().phase).toBe('syncing');
    calls[0]!.onProgress({ phase: 'receiving', loaded: 10, total: 20 });
    expect(controller.getState().progress).toEqual({ phase: 'receiving', loaded: 10, total: 20 });
    calls[0]!.resolve({ kind: 'pushed', head: 'a2' });
    await settle();
    const state = controller.getState();
    expect(state).toMatchObject({ phase: 'idle', syncedHead: 'a2', lastSyncAt: 1_000, lastResult: 'pushed', progress: undefined });
    expect(savedWhere(state)).toBe('remote');
    expect(saved).toEqual([{ remoteUrl: REMOTE.url, head: 'a2', at: 1_000 }]);
  });

  it('"Sync now" cancels the debounce and runs at once; a second request during it runs once after', async () => {
    const { run, calls } = fakeSync();
    const controller = make(run);
    controller.configure(REMOTE);
    controller.headChanged('a1');
    const first = controller.syncNow();
    expect(run).toHaveBeenCalledTimes(1);
    void controller.syncNow();
    void controller.syncNow();
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]!.resolve({ kind: 'pushed', head: 'a1' });
    await first;
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
    calls[1]!.resolve({ kind: 'up-to-date', head: 'a1' });
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('a commit made while a sync runs is synced after it', async () => {
    const { run, calls } = fakeSync();
    const controller = make(run);
    controller.configure(REMOTE);
    controller.headChanged('a1');
    void controller.syncNow();
    controller.headChanged('a2');
    calls[0]!.resolve({ kind: 'pushed', head: 'a1' });
    await settle();
    expect(savedWhere(controller.getState())).toBe('device');
    expect(controller.getState().phase).toBe('scheduled');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('a pull that moves the head does not start another sync once the new head is reported', async () => {
    const { run, calls } = fakeSync();
    const controller = make(run);
    controller.configure(REMOTE);
    controller.headChanged('a1');
    void controller.syncNow();
    calls[0]!.resolve({ kind: 'merged-and-pushed', head: 'm1' });
    await settle();
    controller.headChanged('m1'); // the snapshot catches up with the merge
    expect(savedWhere(controller.getState())).toBe('remote');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('shows a failure with its code and words, and tries again on the next new head', async () => {
    const { run, calls } = fakeSync();
    const controller = make(run);
    controller.configure(REMOTE);
    controller.headChanged('a1');
    void controller.syncNow();
    calls[0]!.reject(new CodedError('auth-failed', 'The remote refused the credentials (HTTP 401).'));
    await settle();
    expect(controller.getState()).toMatchObject({
      phase: 'error',
      error: { code: 'auth-failed', message: 'The remote refused the credentials (HTTP 401).' },
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1); // no retry loop
    controller.headChanged('a2');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(controller.getState().error).toBeUndefined();
  });

  it('waits while offline and syncs on the online event', async () => {
    const { run, calls } = fakeSync();
    online = false;
    const controller = make(run);
    controller.configure(REMOTE);
    events.dispatchEvent(new Event('offline'));
    controller.headChanged('a1');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState().online).toBe(false);
    online = true;
    events.dispatchEvent(new Event('online'));
    expect(controller.getState().online).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]!.resolve({ kind: 'pushed', head: 'a1' });
    await settle();
    expect(savedWhere(controller.getState())).toBe('remote');
  });

  it('counts a saved record only for the same remote, and forgets it when the URL changes', () => {
    const { run } = fakeSync();
    const controller = make(run);
    controller.headChanged('a1');
    controller.configure(REMOTE, { remoteUrl: REMOTE.url, head: 'a1', at: 5 });
    expect(controller.getState()).toMatchObject({ syncedHead: 'a1', lastSyncAt: 5, phase: 'idle' });
    expect(savedWhere(controller.getState())).toBe('remote');
    controller.configure({ ...REMOTE, url: 'http://127.0.0.1:9/other.git' }, { remoteUrl: REMOTE.url, head: 'a1', at: 5 });
    expect(controller.getState()).toMatchObject({ syncedHead: undefined, lastSyncAt: undefined, phase: 'scheduled' });
    expect(savedWhere(controller.getState())).toBe('device');
  });

  it('"Sync now" without a remote says what to do', async () => {
    const { run } = fakeSync();
    const controller = make(run);
    await controller.syncNow();
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState().error?.code).toBe('no-remote');
  });

  it('stop() cancels a scheduled sync and stops listening', async () => {
    const { run } = fakeSync();
    const controller = make(run);
    controller.configure(REMOTE);
    controller.headChanged('a1');
    controller.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    events.dispatchEvent(new Event('online'));
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState().phase).toBe('idle');
  });

  it('notifies subscribers with a new state object only on change', () => {
    const { run } = fakeSync();
    const controller = make(run);
    const seen: unknown[] = [];
    const stop = controller.subscribe((state) => seen.push(state));
    const before = controller.getState();
    controller.headChanged(undefined);
    expect(controller.getState()).toBe(before);
    controller.headChanged('a1');
    expect(seen).toHaveLength(1);
    stop();
    controller.headChanged('a2');
    expect(seen).toHaveLength(1);
  });
});
