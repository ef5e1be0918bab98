/**
 * When and how the app syncs, without React: a small state machine that syncs ~2 s after the
 * last new head (debounced) when a remote is set, again when the browser comes back online, and
 * at once on "Sync now"; never two syncs at a time (a request during one runs once after it).
 * The sync itself is passed in (`run`), so tests drive it with fakes and fake timers.
 */

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

/** Progress of the running sync, as sync's `onProgress` reports it. */
export interface SyncProgress {
  phase: string;
  loaded: number;
  total?: number;
}

/** What a finished sync did (sync's SyncResult). */
export interface SyncOutcome {
  kind: string;
  head: string | undefined;
}

/** idle: nothing to do or waiting; scheduled: a sync starts when the debounce ends. */
export type SyncPhase = 'idle' | 'scheduled' | 'syncing' | 'error';

/** Everything the UI shows about sync. Immutable; a new object on every change. */
export interface SyncState {
  readonly phase: SyncPhase;
  /** The remote set in the settings, or `undefined` when none is. */
  readonly remoteUrl: string | undefined;
  /** The branch head on this device (`undefined`: nothing committed yet). */
  readonly localHead: string | undefined;
  /** The head of the last successful sync with `remoteUrl`. */
  readonly syncedHead: string | undefined;
  /** When that sync finished (ms since the epoch), `undefined` when never. */
  readonly lastSyncAt: number | undefined;
  readonly lastResult: string | undefined;
  readonly progress: SyncProgress | undefined;
  /** Why the last sync failed: a SyncError's `code` and `message` ('unknown' for other errors). */
  readonly error: { code: string; message: string } | undefined;
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

/** What the controller needs from the outside world. */
export interface SyncControllerDeps {
  /** Runs one sync; rejects with a SyncError (or anything) on failure. */
  run(settings: RemoteSettings, onProgress: (progress: SyncProgress) => void): Promise<SyncOutcome>;
  /** Keeps the record of a successful sync (the settings database). */
  saveRecord?(record: SyncRecord): Promise<void>;
  /** Debounce after a new head; default 2000 ms. */
  debounceMs?: number;
  now?(): number;
  isOnline?(): boolean;
  /** Where `online`/`offline` events come from; default `globalThis` when it has listeners. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

export const DEFAULT_DEBOUNCE_MS = 2000;

type Listener = (state: SyncState) => void;

/** The sync state machine; see the module comment. */
export class SyncController {
  private state: SyncState;
  private settings: RemoteSettings | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
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

  /** Starts listening for `online`/`offline`. Idempotent; {@link stop} undoes it. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.events()?.addEventListener('online', this.onOnline);
    this.events()?.addEventListener('offline', this.onOffline);
  }

  /** Stops listening and cancels a scheduled sync (a running one finishes). */
  stop(): void {
    this.started = false;
    this.events()?.removeEventListener('online', this.onOnline);
    this.events()?.removeEventListener('offline', this.onOffline);
    this.cancelTimer();
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
  }

  /** Tells the controller the device's head moved (a commit, a revert, another tab). */
  headChanged(head: string | undefined): void {
    if (head === this.state.localHead) return;
    this.update({ localHead: head });
    if (this.needsSync()) this.schedule();
    else if (this.state.phase === 'scheduled') {
      this.cancelTimer();
      this.update({ phase: 'idle' });
    }
  }

  /** Syncs now (cancelling a scheduled sync); resolves when done. Errors land in the state. */
  syncNow(): Promise<void> {
    this.cancelTimer();
    if (!this.settings) {
      this.update({ phase: 'error', error: { code: 'no-remote', message: 'Set a remote URL in the Sync tab first.' } });
      return Promise.resolve();
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const settings = this.settings;
    this.running = this.runOnce(settings).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.syncNow();
      } else if (this.needsSync() && this.state.phase !== 'error') this.schedule();
    });
    return this.running;
  }

  private async runOnce(settings: RemoteSettings): Promise<void> {
    this.update({ phase: 'syncing', progress: { phase: 'starting', loaded: 0 }, error: undefined });
    try {
      const outcome = await this.deps.run(settings, (progress) => this.update({ progress }));
      const at = this.now();
      // The settings may have changed while it ran; then the result is not about the new remote.
      if (this.settings?.url === settings.url) {
        this.update({
          phase: 'idle',
          progress: undefined,
          syncedHead: outcome.head,
          lastSyncAt: at,
          lastResult: outcome.kind,
          // localHead stays as reported: a pull moved the branch and headChanged follows; a
          // commit made while this sync ran is newer than `outcome.head` and still needs one.
        });
        await this.deps.saveRecord?.({ remoteUrl: settings.url, head: outcome.head, at }).catch(() => undefined);
      } else this.update({ phase: 'idle', progress: undefined });
    } catch (error) {
      this.update({ phase: 'error', progress: undefined, error: describeError(error) });
    }
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

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly onOnline = (): void => {
    this.update({ online: true });
    // Back online: push what waited, and pull what other devices pushed meanwhile.
    if (this.settings) void this.syncNow();
  };

  private readonly onOffline = (): void => {
    this.update({ online: false });
  };

  private events(): Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined {
    if (this.deps.events) return this.deps.events;
    return typeof globalThis.addEventListener === 'function' ? globalThis : undefined;
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

/** A failure as the UI shows it: SyncErrors (and other coded errors) keep their code. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : 'unknown', message: error.message || error.name };
  }
  return { code: 'unknown', message: String(error) };
}
