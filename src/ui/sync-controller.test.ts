import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Oid } from '../store/index.ts';
import type { SyncError, SyncOutcome, SyncProgress, SyncSuccess } from '../sync/index.ts';
import { DEFAULT_CHECK_EVERY_MS, MIN_CHECK_GAP_MS, SyncController } from './sync-controller.ts';
import { savedWhere, type RemoteSettings, type SyncRecord } from './sync-state.ts';

const REMOTE: RemoteSettings = { url: 'http://127.0.0.1:8174/tasks.git', username: '', token: '', corsProxy: '' };

/** A sync whose calls the test resolves by hand. */
function fakeSync() {
  const calls: Array<{ settings: RemoteSettings; onProgress: (p: SyncProgress) => void; resolve: (o: SyncOutcome) => void }> = [];
  const run = vi.fn((settings: RemoteSettings, onProgress: (p: SyncProgress) => void) => new Promise<SyncOutcome>((resolve) => calls.push({ settings, onProgress, resolve })));
  return { run, calls };
}

/** A successful outcome; the controller keeps heads as plain strings. */
function success(kind: SyncSuccess['kind'], head: string): SyncOutcome {
  return { kind, head: head as Oid };
}

/** A failed outcome with a typed error's code and words (the controller reads only those). */
function failed(code: SyncError['code'], message: string): SyncOutcome {
  return { kind: 'failed', error: { code, message, name: 'SyncError', data: {} } as SyncError };
}

/** Lets pending promise callbacks run (fake timers leave microtasks alone). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('SyncController', () => {
  let events: EventTarget;
  let page: EventTarget;
  let online: boolean;
  let visible: boolean;
  let clock: number;
  let saved: SyncRecord[];

  beforeEach(() => {
    vi.useFakeTimers();
    events = new EventTarget();
    page = new EventTarget();
    online = true;
    visible = true;
    clock = 1_000;
    saved = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function make(run: ReturnType<typeof fakeSync>['run']): SyncController {
    const controller = new SyncController({
      run,
      events,
      pageEvents: page,
      isOnline: () => online,
      isVisible: () => visible,
      random: () => 0.5, // no jitter: checks come every DEFAULT_CHECK_EVERY_MS
      now: () => clock,
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
    calls[0]!.resolve(success('pushed', 'a2'));
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
    calls[0]!.resolve(success('pushed', 'a1'));
    await first;
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
    calls[1]!.resolve(success('up-to-date', 'a1'));
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
    calls[0]!.resolve(success('pushed', 'a1'));
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
    calls[0]!.resolve(success('merged-and-pushed', 'm1'));
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
    calls[0]!.resolve(failed('auth-failed', 'The remote refused the credentials (HTTP 401).'));
    await settle();
    expect(controller.getState()).toMatchObject({
      phase: 'error',
      error: { code: 'auth-failed', message: 'The remote refused the credentials (HTTP 401).' },
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1); // no retry loop (the background check comes a minute later)
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
    calls[0]!.resolve(success('pushed', 'a1'));
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

  it('"Sync now" without a remote does nothing', async () => {
    const { run } = fakeSync();
    const controller = make(run);
    await controller.syncNow();
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState().phase).toBe('idle');
  });

  it('a sync whose code cannot load ends as a local failure in words', async () => {
    const controller = make(vi.fn(() => Promise.reject(new Error('Failed to fetch dynamically imported module'))));
    controller.configure(REMOTE);
    await controller.syncNow();
    expect(controller.getState()).toMatchObject({ phase: 'error', error: { code: 'local', message: 'Could not start a sync: Failed to fetch dynamically imported module' } });
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

describe('SyncController background checks', () => {
  let events: EventTarget;
  let page: EventTarget;
  let visible: boolean;
  let clock: number;
  let random: number;

  beforeEach(() => {
    vi.useFakeTimers();
    events = new EventTarget();
    page = new EventTarget();
    visible = true;
    clock = 0;
    random = 0.5;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A controller whose syncs all end up to date at once, counting them. */
  function make(): { controller: SyncController; runs: () => number; background: boolean[] } {
    const background: boolean[] = [];
    let runs = 0;
    const controller = new SyncController({
      run: async () => {
        runs++;
        background.push(controller.getState().background);
        return success('up-to-date', 'a1');
      },
      events,
      pageEvents: page,
      isOnline: () => true,
      isVisible: () => visible,
      random: () => random,
      now: () => clock,
    });
    controller.start();
    controller.headChanged('a1');
    controller.configure(REMOTE, { remoteUrl: REMOTE.url, head: 'a1', at: 0 });
    return { controller, runs: () => runs, background };
  }

  async function advance(ms: number): Promise<void> {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  }

  it('checks the remote about once a minute while visible, with jitter, and marks those syncs as background', async () => {
    const { runs, background } = make();
    await advance(DEFAULT_CHECK_EVERY_MS - 1);
    expect(runs()).toBe(0);
    random = 0; // the next one 20% early
    await advance(1);
    expect(runs()).toBe(1);
    await advance(DEFAULT_CHECK_EVERY_MS * 0.8 - 1);
    expect(runs()).toBe(1);
    await advance(1);
    expect(runs()).toBe(2);
    expect(background).toEqual([true, true]);
  });

  it('stops checking while hidden, and checks when the tab comes back or the window regains focus (not twice in a row)', async () => {
    const { runs } = make();
    visible = false;
    page.dispatchEvent(new Event('visibilitychange'));
    await advance(10 * DEFAULT_CHECK_EVERY_MS);
    expect(runs()).toBe(0);
    visible = true;
    page.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(runs()).toBe(1);
    events.dispatchEvent(new Event('focus'));
    await settle();
    expect(runs(), 'a focus right after a check does not check again').toBe(1);
    await advance(MIN_CHECK_GAP_MS);
    events.dispatchEvent(new Event('focus'));
    await settle();
    expect(runs()).toBe(2);
  });

  /** A started controller, visible and online, with a remote set, whose syncs run `run` (counted). */
  function checking(run: () => Promise<SyncOutcome>): { controller: SyncController; runs: () => number } {
    let runs = 0;
    const controller = new SyncController({
      run: () => {
        runs++;
        return run();
      },
      events,
      pageEvents: page,
      isOnline: () => true,
      isVisible: () => true,
      random: () => 0.5,
      now: () => clock,
    });
    controller.start();
    controller.configure(REMOTE);
    return { controller, runs: () => runs };
  }

  it('counts the interval from the start of a check, so a slow answer does not push the next one back', async () => {
    let answer: (() => void) | undefined;
    const { controller, runs } = checking(async () => {
      await new Promise<void>((resolve) => (answer = resolve));
      return success('up-to-date', 'a1');
    });
    await advance(DEFAULT_CHECK_EVERY_MS);
    expect(runs()).toBe(1);
    await advance(DEFAULT_CHECK_EVERY_MS / 2); // the remote takes half a minute to answer
    answer?.();
    await settle();
    await advance(DEFAULT_CHECK_EVERY_MS / 2 - 1);
    expect(runs(), 'not before a minute from the last start').toBe(1);
    await advance(1);
    expect(runs(), 'a minute after the last one began, not after it ended').toBe(2);
    answer?.();
    controller.stop();
  });

  it('waits as long as a remote that turned it away asked before checking again', async () => {
    const data = { url: REMOTE.url, status: 429, body: '', retryAfterSeconds: 540 };
    const { controller, runs } = checking(async () => ({ kind: 'failed', error: { code: 'server-error', message: 'Too many attempts.', name: 'SyncError', data } as SyncError }));
    await advance(DEFAULT_CHECK_EVERY_MS);
    expect(runs()).toBe(1);
    expect(controller.getState().error).toMatchObject({ status: 429, retryAfterSeconds: 540 });
    await advance(540_000 - 1); // a failure alone would have waited two minutes
    expect(runs()).toBe(1);
    await advance(1);
    expect(runs()).toBe(2);
    controller.stop();
  });

  it('backs off after failures, doubling the wait', async () => {
    const { controller, runs } = checking(async () => failed('unreachable', 'Could not reach it.'));
    await advance(DEFAULT_CHECK_EVERY_MS);
    expect(runs()).toBe(1);
    await advance(DEFAULT_CHECK_EVERY_MS);
    expect(runs(), 'the second check waits twice as long').toBe(1);
    await advance(DEFAULT_CHECK_EVERY_MS);
    expect(runs()).toBe(2);
    expect(controller.getState().error?.code).toBe('unreachable');
    controller.stop();
  });
});
