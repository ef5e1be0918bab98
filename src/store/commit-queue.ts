import type { ObjectSource } from './object-store.ts';
import type { Oid } from './oid.ts';
import { TimeSlice } from './time-slice.ts';

/** A commit waiting in a {@link CommitQueue}, with its committer time in seconds. */
export interface QueuedCommit {
  oid: Oid;
  time: number;
}

interface Slot extends QueuedCommit {
  seq: number;
}

/** Newer first; among equal times (many commits share a second), the first queued first. */
function before(a: Slot, b: Slot): boolean {
  return a.time > b.time || (a.time === b.time && a.seq < b.seq);
}

/** A priority queue of commits, newest first, as git walks history and merge bases. */
export class CommitQueue {
  private readonly heap: Slot[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(item: QueuedCommit): void {
    const slot: Slot = { ...item, seq: this.nextSeq++ };
    const heap = this.heap;
    let i = heap.length;
    heap.push(slot);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(slot, heap[parent] as Slot)) break;
      heap[i] = heap[parent] as Slot;
      i = parent;
    }
    heap[i] = slot;
  }

  /** True when some queued commit satisfies `predicate`. */
  some(predicate: (item: QueuedCommit) => boolean): boolean {
    return this.heap.some(predicate);
  }

  pop(): QueuedCommit | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as Slot, heap[left] as Slot) ? right : left;
      if (!before(heap[child] as Slot, last)) break;
      heap[i] = heap[child] as Slot;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

/**
 * A newest-first walk that paints commits with flag bits (git's paint_down_to_common and
 * rev-list): a commit is queued again only when it gains a flag it did not have.
 */
export class FlaggedWalk {
  readonly flags = new Map<Oid, number>();
  readonly queue = new CommitQueue();
  /** A walk of thousands of commits (a merge after a long pull) runs in slices, so the page keeps painting. */
  private readonly slice = new TimeSlice();

  constructor(private readonly source: Pick<ObjectSource, 'readCommit'>) {}

  flagsOf(oid: Oid): number {
    return this.flags.get(oid) ?? 0;
  }

  /** Adds `flag` to `oid`, queueing it when that is new. */
  async mark(oid: Oid, flag: number): Promise<void> {
    const before = this.flagsOf(oid);
    if ((before & flag) === flag) return;
    if (this.slice.due()) await this.slice.next();
    this.flags.set(oid, before | flag);
    this.queue.push({ oid, time: (await this.source.readCommit(oid)).committer.timestamp });
  }

  /** True while some queued commit lacks every bit of `flag`. */
  hasQueuedWithout(flag: number): boolean {
    return this.queue.some((item) => (this.flagsOf(item.oid) & flag) === 0);
  }
}
