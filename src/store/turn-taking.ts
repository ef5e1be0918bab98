/** How long every tab takes turns after a writer asked for it, in ms. */
const TURNS_MS = 2000;

/**
 * Fair turns for the writers of a branch, across the tabs of an origin, paid for only under
 * contention. Commits race lock-free, and compare-and-set keeps every change; but a commit that
 * lost the race merges before trying again, which is slower than the other tabs' plain commits,
 * so under a steady stream of them it could lose every time. Such a writer asks for turns: for
 * a while every tab's commits on that branch queue on one Web Lock, the asker's among them.
 * Where Web Locks are missing (Node), writers keep racing.
 */
export class TurnTaking {
  private readonly until = new Map<string, number>();
  private readonly channel: BroadcastChannel | undefined;

  constructor(private readonly name: string) {
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`taskgit-turns:${name}`);
      this.channel.onmessage = (event: MessageEvent<{ ref?: unknown }>) => {
        if (typeof event.data?.ref === 'string') this.until.set(event.data.ref, Date.now() + TURNS_MS);
      };
      // In Node an open channel would keep the process alive.
      (this.channel as { unref?: () => void }).unref?.();
    }
  }

  /** True while writers of `ref` take turns (asked for here or in another tab). */
  active(ref: string): boolean {
    return (this.until.get(ref) ?? 0) > Date.now() && locks() !== undefined;
  }

  /** Asks every tab to take turns on `ref` for a while. */
  ask(ref: string): void {
    this.until.set(ref, Date.now() + TURNS_MS);
    this.channel?.postMessage({ ref });
  }

  /** Runs `write` in its turn on `ref`; at once where there are no Web Locks. */
  async take<T>(ref: string, write: () => Promise<T>): Promise<T> {
    const manager = locks();
    if (!manager) return write();
    return (await manager.request(`taskgit-store:${this.name}:${ref}`, write)) as T;
  }

  close(): void {
    this.channel?.close();
  }
}

function locks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}
