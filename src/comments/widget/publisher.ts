// When to publish: at once after a post, on load, when the browser comes back online, every
// minute while the page is visible (to bring in others' comments: a snapshot revalidation), and after a failure with
// exponential backoff. One attempt at a time; a request during an attempt runs once it ends.
// A push's answer shows the comment published at once; the page's snapshot (others' comments,
// and the outbox settled) follows a little later, once for the publishes of a busy moment, so
// that it never stands between a reader and their comment shown published.
import { DEFAULT_RETRY, retryDelay, type PublishFailure, type PublishOutcome, type RetryPolicy } from '../publish/index.ts';
import type { CommentRepo } from '../storage/index.ts';

/** What the status line shows. */
export interface PublisherState {
  busy: boolean;
  /** The last attempt's failure, until one succeeds. */
  failure?: PublishFailure;
  /** When the next retry after a failure is due (ms since the epoch). */
  retryAt?: number;
}

/** How to make a {@link Publisher}. */
export interface PublisherOptions {
  comments: CommentRepo;
  url: string;
  /** The page shown: its snapshot is fetched after each push. */
  page: string;
  /** Called after every change of state, and after each attempt (the repository may have moved). */
  onChange: (state: PublisherState) => void;
  retry?: RetryPolicy;
  /** Pull others' comments this often while the page is visible; default a minute. */
  pollMs?: number;
}

/** How long after a push the page's snapshot is fetched (the pushes meanwhile share that fetch). */
export const REFRESH_AFTER_PUSH_MS = 2_000;

/** Schedules publish attempts for one widget. */
export class Publisher {
  private state: PublisherState = { busy: false };
  private again = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The next attempt fetches the page's snapshot even when it pushes something. */
  private refreshDue = false;
  private readonly idlers: Array<() => void> = [];
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private readonly abort = new AbortController();
  private readonly online = (): void => {
    this.failures = 0;
    this.request();
  };

  constructor(private readonly options: PublisherOptions) {}

  /** Starts listening for `online` and polling; the first attempt is the caller's `request()`. */
  start(): void {
    window.addEventListener('online', this.online);
    this.pollTimer = setInterval(() => {
      if (document.visibilityState === 'visible' && !this.state.busy && this.retryTimer === undefined) this.request();
    }, this.options.pollMs ?? 60_000);
  }

  /** Stops everything; an attempt under way is aborted (nothing committed is lost). */
  stop(): void {
    window.removeEventListener('online', this.online);
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.refreshTimer);
    this.abort.abort();
  }

  /** Resolves once no attempt is under way or due soon (a retry after a failure aside). */
  idle(): Promise<void> {
    return this.isIdle() ? Promise.resolve() : new Promise((resolve) => this.idlers.push(resolve));
  }

  /** Publishes now, or right after the attempt under way. */
  request(): void {
    if (this.abort.signal.aborted) return;
    if (this.state.busy) {
      this.again = true;
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.attempt();
  }

  private async attempt(): Promise<void> {
    this.set({ ...this.state, busy: true });
    const deferRefresh = !this.refreshDue;
    this.refreshDue = false;
    const outcome = await import('../publish/publish.ts').then(
      ({ publish }) => publish(this.options.comments, this.options.url, this.options.page, { signal: this.abort.signal, deferRefresh }),
      // The sync code could not be loaded: the site is unreachable, so is the remote, most likely.
      (): PublishOutcome => ({ ok: false, failure: { kind: 'offline' } }),
    );
    if (this.abort.signal.aborted) return;
    if (outcome.ok) {
      this.failures = 0;
      if (outcome.refreshed) {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = undefined;
      } else this.refreshTimer ??= setTimeout(() => this.refreshSoon(), REFRESH_AFTER_PUSH_MS);
      this.set({ busy: false });
    } else {
      this.failures++;
      const delay = retryDelay(this.failures, this.options.retry ?? DEFAULT_RETRY);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.request();
      }, delay);
      this.set({ busy: false, failure: outcome.failure, retryAt: Date.now() + delay });
    }
    if (this.again) {
      this.again = false;
      this.request();
    }
  }

  private refreshSoon(): void {
    this.refreshTimer = undefined;
    this.refreshDue = true;
    this.request();
  }

  private isIdle(): boolean {
    return !this.state.busy && !this.again && this.refreshTimer === undefined;
  }

  private set(state: PublisherState): void {
    this.state = state;
    this.options.onChange(state);
    if (this.isIdle()) this.idlers.splice(0).forEach((resolve) => resolve());
  }
}
