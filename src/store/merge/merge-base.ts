import type { ObjectSource } from '../object-store.ts';
import { FlaggedWalk, type QueuedCommit } from '../commit-queue.ts';
import type { Oid } from '../oid.ts';

const FROM_A = 1;
const FROM_B = 2;
const STALE = 4;

/**
 * Commits reachable from both `a` and `b` and from no other such commit ("best common
 * ancestors"). Usually one; criss-cross merges can give several. Walks only as far back as the
 * nearest common history, newest first.
 */
export async function findMergeBases(source: ObjectSource, a: Oid, b: Oid): Promise<Oid[]> {
  if (a === b) return [a];
  const candidates = await paintDownToCommon(source, a, [b]);
  if (candidates.length <= 1) return candidates;
  // Drop candidates reachable from another candidate: those are not "best".
  const best: Oid[] = [];
  for (const candidate of candidates) {
    const others = candidates.filter((other) => other !== candidate);
    const reachedFromOthers = await isAncestorOfAny(source, candidate, others);
    if (!reachedFromOthers) best.push(candidate);
  }
  return best;
}

/** True when `ancestor` is reachable from `descendant` (a commit is its own ancestor). */
export async function isAncestor(source: ObjectSource, ancestor: Oid, descendant: Oid): Promise<boolean> {
  if (ancestor === descendant) return true;
  return isAncestorOfAny(source, ancestor, [descendant]);
}

async function isAncestorOfAny(source: ObjectSource, ancestor: Oid, descendants: readonly Oid[]): Promise<boolean> {
  const bases = await paintDownToCommon(source, ancestor, descendants);
  return bases.includes(ancestor);
}

async function paintDownToCommon(source: ObjectSource, one: Oid, twos: readonly Oid[]): Promise<Oid[]> {
  const walk = new FlaggedWalk(source);
  await walk.mark(one, FROM_A);
  for (const two of twos) await walk.mark(two, FROM_B);
  const found: Oid[] = [];
  // Stop once every queued commit lies below a common one: nothing older can be "best".
  while (walk.hasQueuedWithout(STALE)) {
    const { oid } = walk.queue.pop() as QueuedCommit;
    let flag = walk.flagsOf(oid) & (FROM_A | FROM_B | STALE);
    if (flag === (FROM_A | FROM_B)) {
      if (!found.includes(oid)) found.push(oid);
      flag |= STALE;
    }
    for (const parent of (await source.readCommit(oid)).parents) await walk.mark(parent, flag);
  }
  // A common commit later reached from a newer common one is not among the best.
  return found.filter((oid) => (walk.flagsOf(oid) & STALE) === 0);
}
