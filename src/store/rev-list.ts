import { CommitQueue } from './commit-queue.ts';
import type { ObjectSource } from './object-store.ts';
import type { Oid } from './oid.ts';

const INTERESTING = 1;
const UNINTERESTING = 2;

/**
 * Commits reachable from `tips` but not from `exclude`, newest first: what
 * `git rev-list tips ^exclude` lists. Both sides are walked newest first and the walk stops as
 * soon as every queued commit is reachable from `exclude`, so the cost follows the number of
 * new commits, not the length of the history.
 */
export async function listCommitsBetween(source: ObjectSource, tips: readonly Oid[], exclude: readonly Oid[]): Promise<Oid[]> {
  const flags = new Map<Oid, number>();
  const queue = new CommitQueue();
  const mark = async (oid: Oid, flag: number): Promise<void> => {
    const before = flags.get(oid) ?? 0;
    if ((before & flag) === flag) return;
    flags.set(oid, before | flag);
    queue.push({ oid, time: (await source.readCommit(oid)).committer.timestamp });
  };
  for (const oid of exclude) await mark(oid, UNINTERESTING);
  for (const oid of tips) await mark(oid, INTERESTING);
  const listed: Oid[] = [];
  const emitted = new Set<Oid>();
  // Once every queued commit is reachable from `exclude`, nothing older can be new.
  while (queue.some((item) => ((flags.get(item.oid) ?? 0) & UNINTERESTING) === 0)) {
    const { oid } = queue.pop() as { oid: Oid };
    const flag = flags.get(oid) ?? 0;
    const pushedAs = flag & UNINTERESTING ? UNINTERESTING : INTERESTING;
    if (flag === INTERESTING && !emitted.has(oid)) {
      emitted.add(oid);
      listed.push(oid);
    }
    for (const parent of (await source.readCommit(oid)).parents) await mark(parent, pushedAs);
  }
  return listed.filter((oid) => ((flags.get(oid) ?? 0) & UNINTERESTING) === 0);
}
