/** How long every writer takes turns after one asked for it, in ms. */
const TURNS_MS = 2000;
/** The longest wait before trying again after a lost race, in ms (before turns are taken). */
const MAX_BACKOFF_MS = 16;

/**
 * Turns within this JavaScript realm, by lock name: the tail of each queue, and until when its
 * writers take turns. Web Locks queue the writers of every tab of an origin; where they are
 * missing (Node, the store used as a library), the handles of one database in this realm queue
 * here instead, first come, first served.
 */
const realmQueues = new Map<string, Promise<unknown>>();
const realmTurnsUntil = new Map<string, number>();

/**
 * Fair turns for the writers of a branch, paid for only under contention. Commits race
 * lock-free, and compare-and-set keeps every change; but a commit that lost the race merges
 * before trying again, which is slower than the others' plain commits, so under a steady stream
 * of them it could lose every time. So a loser waits a little (backoff with jitter) before trying
 * again, and a writer that keeps losing asks for turns: for a while every writer's commits on
 * that branch queue, the asker's among them. The queue is a Web Lock where there are Web Locks
 * (every tab of the origin; other tabs are told by a BroadcastChannel), else one per realm.
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

  /** True while writers of `ref` take turns (asked for here, in this realm, or in another tab). */
  active(ref: string): boolean {
    const until = Math.max(this.until.get(ref) ?? 0, realmTurnsUntil.get(this.lockName(ref)) ?? 0);
    return until > Date.now();
  }

  /** Asks every writer of `ref` (this realm's handles and other tabs) to take turns for a while. */
  ask(ref: string): void {
    const until = Date.now() + TURNS_MS;
    this.until.set(ref, until);
    realmTurnsUntil.set(this.lockName(ref), until);
    this.channel?.postMessage({ ref });
  }

  /** Runs `write` in its turn on `ref`: on a Web Lock, or in this realm's queue without them. */
  async take<T>(ref: string, write: () => Promise<T>): Promise<T> {
    const manager = locks();
    if (manager) return (await manager.request(this.lockName(ref), write)) as T;
    return takeInRealm(this.lockName(ref), write);
  }

  /** Waits before the next try after `losses` lost races (see {@link backoffMs}). */
  backOff(losses: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, backoffMs(losses)));
  }

  close(): void {
    this.channel?.close();
  }

  private lockName(ref: string): string {
    return `taskgit-store:${this.name}:${ref}`;
  }
}

/**
 * How long to wait after `losses` lost races: a random time (full jitter, so writers that lost
 * together do not try again together) below a bound that doubles with each loss, up to MAX_BACKOFF_MS.
 */
export function backoffMs(losses: number, random: () => number = Math.random): number {
  return random() * Math.min(MAX_BACKOFF_MS, 2 ** losses);
}

/** Runs `write` after every earlier writer queued on `name` in this realm has finished. */
function takeInRealm<T>(name: string, write: () => Promise<T>): Promise<T> {
  const turn = (realmQueues.get(name) ?? Promise.resolve()).then(write);
  const tail = turn.catch(() => undefined);
  realmQueues.set(name, tail);
  void tail.then(() => {
    if (realmQueues.get(name) === tail) realmQueues.delete(name);
  });
  return turn;
}

function locks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}
