import { FlaggedWalk, type QueuedCommit } from '../commit-queue.ts';
import type { Oid } from '../oid.ts';
import type { GraphSource } from './source.ts';

const INTERESTING = 1;
const UNINTERESTING = 2;

/**
 * Commits reachable from `tips` but not from `exclude`, newest first: what
 * `git rev-list tips ^exclude` lists (at most `limit` of them). Both sides are walked newest
 * first and the walk stops as soon as every queued commit is reachable from `exclude`, so the
 * cost follows the number of new commits, not the length of the history.
 */
export async function listCommitsBetween(
  source: Pick<GraphSource, 'readCommit'>,
  tips: readonly Oid[],
  exclude: readonly Oid[],
  limit = Infinity,
): Promise<Oid[]> {
  const walk = new FlaggedWalk(source);
  for (const oid of exclude) await walk.mark(oid, UNINTERESTING);
  for (const oid of tips) await walk.mark(oid, INTERESTING);
  const listed: Oid[] = [];
  const emitted = new Set<Oid>();
  // Once every queued commit is reachable from `exclude`, nothing older can be new.
  while (walk.hasQueuedWithout(UNINTERESTING)) {
    const { oid } = walk.queue.pop() as QueuedCommit;
    const flag = walk.flagsOf(oid);
    const pushedAs = flag & UNINTERESTING ? UNINTERESTING : INTERESTING;
    if (flag === INTERESTING && !emitted.has(oid)) {
      emitted.add(oid);
      listed.push(oid);
      // With nothing excluded, no commit listed can be taken back: stop at the limit.
      if (exclude.length === 0 && listed.length >= limit) break;
    }
    for (const parent of (await source.readCommit(oid)).parents) await walk.mark(parent, pushedAs);
  }
  return listed.filter((oid) => (walk.flagsOf(oid) & UNINTERESTING) === 0).slice(0, limit);
}
