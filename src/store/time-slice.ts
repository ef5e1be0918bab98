/**
 * How long one slice of a long walk may hold the thread before it lets other tasks run: well
 * under the 50 ms at which a page's typing and painting start to lag (a "long task").
 */
export const SLICE_MS = 8;

type Yield = () => Promise<void>;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Runs other tasks of the event loop before going on: `scheduler.yield()` where the browser has
 * it (the walk then resumes ahead of other work), a message to itself elsewhere in the browser
 * (a timer may be clamped to 4 ms or more), `setImmediate` in Node.
 */
export const yieldToEventLoop: Yield = (() => {
  const scope = globalThis as { scheduler?: { yield?: Yield }; setImmediate?: (callback: () => void) => unknown };
  const { scheduler, setImmediate } = scope;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  if (typeof setImmediate === 'function') return () => new Promise<void>((resolve) => void setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(undefined);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();

/**
 * Cuts a long stretch of work on the page's thread (a walk of history, a check of thousands of
 * objects) into slices of about {@link SLICE_MS}: in its loop, `if (slice.due()) await
 * slice.next();`. The work and its result stay the same; only other tasks (input, painting) get
 * their turn between slices. Never to be used while an IndexedDB transaction must stay open
 * across the pause: a transaction with no request pending commits when its task ends.
 */
export class TimeSlice {
  private started = now();

  /** True once this slice has run its time. */
  due(): boolean {
    return now() - this.started >= SLICE_MS;
  }

  /** Lets other tasks run, then starts a new slice. */
  async next(): Promise<void> {
    await yieldToEventLoop();
    this.started = now();
  }

  /** {@link next} when {@link due}; for loops that await anyway. */
  async pause(): Promise<void> {
    if (this.due()) await this.next();
  }
}

/**
 * `Promise.all(items.map(run))`, `group` items at a time, with the page let through between
 * groups once a slice has run its time: reads answered from a cache come back with no task
 * between, so thousands started at once would be checked (hashed, decoded) in one long task.
 */
export async function mapInGroups<T, R>(items: readonly T[], group: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  const slice = new TimeSlice();
  for (let start = 0; start < items.length; start += group) {
    if (start > 0) await slice.pause();
    results.push(...(await Promise.all(items.slice(start, start + group).map(run))));
  }
  return results;
}
