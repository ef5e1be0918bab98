/**
 * When and how the app syncs, without React: a small state machine that syncs ~2 s after the
 * last new head (debounced) when a remote is set, at once on "Sync now" and when the browser
 * comes back online, and checks the remote in the background while the app is visible: on an
 * interval with jitter, and when the window regains focus or the tab becomes visible. Never two
 * syncs at a time (a request during one runs once after it). The sync itself is passed in
 * (`run`), so tests drive it with fakes and fake timers.
 */
import type { SyncOutcome, SyncProgress } from '../sync/index.ts';
import { failureInfo, type RemoteSettings, type SyncFailureInfo, type SyncRecord, type SyncState } from './sync-state.ts';

/** Events the controller listens to: `online`/`offline`/`focus` (the window), `visibilitychange` (the document). */
type Events = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** What the controller needs from the outside world. */
export interface SyncControllerDeps {
  /** Runs one sync; its outcome says how it went (it does not throw). */
  run(settings: RemoteSettings, onProgress: (progress: SyncProgress) => void): Promise<SyncOutcome>;
  /** Keeps the record of a successful sync (the settings database). */
  saveRecord?(record: SyncRecord): Promise<void>;
  /** Debounce after a new head; default {@link DEFAULT_DEBOUNCE_MS}. */
  debounceMs?: number;
  /** How often a visible app checks the remote; default {@link DEFAULT_CHECK_EVERY_MS}, ±20% jitter. */
  checkEveryMs?: number;
  /** In [0, 1), for the jitter; default Math.random. */
  random?(): number;
  now?(): number;
  isOnline?(): boolean;
  /** Whether the app is on screen; default `document.visibilityState === 'visible'`. */
  isVisible?(): boolean;
  /** Where `online`, `offline` and `focus` come from; default `globalThis` when it has listeners. */
  events?: Events;
  /** Where `visibilitychange` comes from; default `document`, when there is one. */
  pageEvents?: Events;
}

const DEFAULT_DEBOUNCE_MS = 2000;
/** A visible app asks the remote for news about once a minute (one small request when there is none). */
export const DEFAULT_CHECK_EVERY_MS = 60_000;
/** Focus or visibility checks at most this often. */
export const MIN_CHECK_GAP_MS = 15_000;
/** Failed checks back off, doubling, up to this. */
const MAX_CHECK_EVERY_MS = 10 * 60_000;

type Listener = (state: SyncState) => void;

/** The sync state machine; see the module comment. */
export class SyncController {
  private state: SyncState;
  private settings: RemoteSettings | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  /** When the remote was last asked anything (a sync ended, well or not). */
  private lastContactAt: number | undefined;
  /**
   * What the wait for the next background check counts from: when the last sync started, or a
   * check found it could not run. From the start, so a slow answer does not push every later
   * check back by its own length ("once a minute" is start to start).
   */
  private checkCountsFrom: number | undefined;
  /** Syncs failed in a row, for the background checks' backoff. */
  private failures = 0;
  private readonly listeners = new Set<Listener>();
  private readonly deps: SyncControllerDeps;

  constructor(deps: SyncControllerDeps) {
    this.deps = deps;
    this.state = {
      phase: 'idle',
      remoteUrl: undefined,
      localHead: undefined,
      syncedHead: undefined,
      lastSyncAt: undefined,
      lastResult: undefined,
      progress: undefined,
      background: false,
      error: undefined,
      online: deps.isOnline?.() ?? true,
    };
  }

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  getState = (): SyncState => this.state;

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts listening (network, focus, visibility) and checking. Idempotent; {@link stop} undoes it. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.listen('addEventListener');
    this.scheduleCheck();
  }

  /** Stops listening and cancels scheduled syncs and checks (a running one finishes). */
  stop(): void {
    this.started = false;
    this.listen('removeEventListener');
    this.cancelTimer();
    this.cancelCheck();
    if (this.state.phase === 'scheduled') this.update({ phase: 'idle' });
  }

  /**
   * Sets (or clears) the remote. `record` is the last successful sync, counted only when it was
   * made with the same URL. Changing the URL forgets what was synced with the old one.
   */
  configure(settings: RemoteSettings | undefined, record?: SyncRecord): void {
    const url = settings?.url.trim() ? settings.url.trim() : undefined;
    const sameRemote = url !== undefined && url === this.state.remoteUrl;
    this.settings = url ? { ...settings!, url } : undefined;
    const known = record && record.remoteUrl === url ? record : undefined;
    if (!sameRemote) {
      this.failures = 0;
      this.checkCountsFrom = this.now(); // a new remote: its first check a whole interval away
    }
    this.update({
      remoteUrl: url,
      syncedHead: known ? known.head : sameRemote ? this.state.syncedHead : undefined,
      lastSyncAt: known ? known.at : sameRemote ? this.state.lastSyncAt : undefined,
      error: sameRemote ? this.state.error : undefined,
    });
    if (!url) {
      this.cancelTimer();
      if (this.state.phase !== 'syncing') this.update({ phase: 'idle' });
    } else if (this.needsSync()) this.schedule();
    this.scheduleCheck();
  }

  /** Tells the controller the device's head moved (a commit, a revert, another tab, a pull). */
  headChanged(head: string | undefined): void {
    if (head === this.state.localHead) return;
    this.update({ localHead: head });
    if (this.needsSync()) this.schedule();
    else if (this.state.phase === 'scheduled') {
      this.cancelTimer();
      this.update({ phase: 'idle' });
    }
  }

  /** Syncs now (cancelling a scheduled sync); resolves when done. The outcome lands in the state. */
  syncNow(): Promise<void> {
    return this.startSync(false);
  }

  private startSync(background: boolean): Promise<void> {
    this.cancelTimer();
    if (!this.settings) return Promise.resolve();
    if (this.running) {
      if (!background) this.again = true;
      return this.running;
    }
    const settings = this.settings;
    this.checkCountsFrom = this.now();
    this.running = this.runOnce(settings, background).finally(() => {
      this.running = undefined;
      this.scheduleCheck();
      if (this.again) {
        this.again = false;
        void this.syncNow();
      } else if (this.needsSync() && this.state.phase !== 'error') this.schedule();
    });
    return this.running;
  }

  private async runOnce(settings: RemoteSettings, background: boolean): Promise<void> {
    // A check nobody asked for leaves the last failure in view until it ends; one asked for starts afresh.
    this.update({ phase: 'syncing', background, progress: undefined, ...(background ? {} : { error: undefined }) });
    let outcome: SyncOutcome | { kind: 'failed'; error: SyncFailureInfo };
    try {
      outcome = await this.deps.run(settings, (progress) => this.update({ progress }));
    } catch (error) {
      // sync reports its failures as outcomes; this is its code failing to load (a new version
      // replaced the files, say).
      outcome = { kind: 'failed', error: { code: 'local', message: `Could not start a sync: ${error instanceof Error ? error.message : String(error)}` } };
    }
    const at = this.now();
    this.lastContactAt = at;
    // The settings may have changed while it ran; then the result is not about the new remote.
    if (this.settings?.url !== settings.url) {
      this.update({ phase: 'idle', progress: undefined, background: false });
      return;
    }
    if (outcome.kind === 'failed') {
      this.failures++;
      this.update({ phase: 'error', progress: undefined, background: false, error: 'data' in outcome.error ? failureInfo(outcome.error) : outcome.error });
      return;
    }
    this.failures = 0;
    this.update({
      phase: 'idle',
      progress: undefined,
      background: false,
      error: undefined,
      syncedHead: outcome.head,
      lastSyncAt: at,
      lastResult: outcome.kind,
      // localHead stays as reported: a pull moved the branch and headChanged follows; a
      // commit made while this sync ran is newer than `outcome.head` and still needs one.
    });
    await this.deps.saveRecord?.({ remoteUrl: settings.url, head: outcome.head, at }).catch(() => undefined);
  }

  /** True when a remote is set and the device has a head the remote has not seen. */
  private needsSync(): boolean {
    return this.settings !== undefined && this.state.localHead !== undefined && this.state.localHead !== this.state.syncedHead;
  }

  private schedule(): void {
    if (!this.settings) return;
    this.cancelTimer();
    if (!this.state.online) return; // the `online` event syncs
    if (this.running) return; // when it ends, it looks again
    this.update({ phase: 'scheduled' });
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.syncNow();
    }, this.deps.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /**
   * The next background check, the interval (doubled per failure, ±20% jitter) after the last
   * sync began; never sooner than the remote asked to be left alone (a 429's `Retry-After`).
   */
  private scheduleCheck(): void {
    this.cancelCheck();
    if (!this.started || !this.settings || !this.isVisible()) return;
    const backedOff = Math.min(MAX_CHECK_EVERY_MS, (this.deps.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS) * 2 ** Math.min(this.failures, 10));
    const every = Math.max(backedOff, (this.state.error?.retryAfterSeconds ?? 0) * 1000);
    const jitter = 0.8 + 0.4 * (this.deps.random ?? Math.random)();
    const passed = this.checkCountsFrom === undefined ? 0 : this.now() - this.checkCountsFrom;
    this.checkTimer = setTimeout(
      () => {
        this.checkTimer = undefined;
        this.check();
      },
      Math.max(0, Math.round(every * jitter) - passed),
    );
  }

  /** A background check: a sync nobody asked for, when it can run and nothing else is under way. */
  private check(): void {
    if (this.running) return; // its end schedules the next
    if (!this.settings || !this.state.online || !this.isVisible()) {
      this.checkCountsFrom = this.now(); // could not run: the next is a whole interval away
      return this.scheduleCheck();
    }
    void this.startSync(true);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private cancelCheck(): void {
    if (this.checkTimer !== undefined) clearTimeout(this.checkTimer);
    this.checkTimer = undefined;
  }

  private readonly onOnline = (): void => {
    this.update({ online: true });
    // Back online: push what waited, and pull what other devices pushed meanwhile.
    if (this.settings) void this.syncNow();
  };

  private readonly onOffline = (): void => {
    this.update({ online: false });
  };

  /** The window regained focus or the tab became visible (or hidden): check, unless it just did. */
  private readonly onReturn = (): void => {
    if (!this.isVisible()) return this.cancelCheck();
    const gap = this.lastContactAt === undefined ? Infinity : this.now() - this.lastContactAt;
    if (gap >= MIN_CHECK_GAP_MS) this.check();
    else if (this.checkTimer === undefined && !this.running) this.scheduleCheck();
  };

  private listen(method: 'addEventListener' | 'removeEventListener'): void {
    const events = this.events();
    events?.[method]('online', this.onOnline);
    events?.[method]('offline', this.onOffline);
    events?.[method]('focus', this.onReturn);
    this.pageEvents()?.[method]('visibilitychange', this.onReturn);
  }

  private events(): Events | undefined {
    if (this.deps.events) return this.deps.events;
    return typeof globalThis.addEventListener === 'function' ? globalThis : undefined;
  }

  private pageEvents(): Events | undefined {
    return this.deps.pageEvents ?? (typeof document === 'undefined' ? undefined : document);
  }

  private isVisible(): boolean {
    if (this.deps.isVisible) return this.deps.isVisible();
    return typeof document === 'undefined' || document.visibilityState === 'visible';
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private update(patch: Partial<SyncState>): void {
    const next = { ...this.state, ...patch };
    const keys = Object.keys(patch) as Array<keyof SyncState>;
    if (keys.every((key) => next[key] === this.state[key])) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }
}
