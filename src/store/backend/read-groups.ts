// How a read of many objects is cut into transactions: IndexedDB hands a transaction's finished
// requests to the page together, in one task, so each group is bounded in records and in bytes.
import type { Oid } from '../oid.ts';
import { CHUNK_BYTES, chunkKey, type BatchLocation } from './object-batch.ts';

/** Loose records read per transaction, at most. */
export const READ_LOOSE_GROUP = 64;
/**
 * Bytes of chunks not cached yet read per transaction, at most: four of a commit's ~256 KB
 * chunks, one of a fetch's 1 MB chunks. Four of those at once were one task of 45-100 ms on the
 * page on a slow machine (their values' deserialization, all handed over together).
 */
export const READ_CHUNK_GROUP_BYTES = 1.25 * 1024 * 1024;

/** What a group's bound needs to know of the store. */
export interface ReadLayout {
  located: ReadonlyMap<Oid, BatchLocation>;
  /** About each chunk's size: where its last object ends, by {@link chunkKey}. */
  chunkEnds: ReadonlyMap<string, number>;
  isCached(key: string): boolean;
}

/** Where the group of `oids` read in one transaction from `start` ends (at least one object in). */
export function readGroupEnd(oids: readonly Oid[], start: number, layout: ReadLayout): number {
  const chunks = new Set<string>();
  let loose = 0;
  let chunkBytes = 0;
  let end = start;
  for (; end < oids.length; end++) {
    const at = layout.located.get(oids[end] as Oid);
    const key = at && chunkKey(at.batch, at.chunk);
    if (key === undefined) loose++;
    else if (!chunks.has(key) && !layout.isCached(key)) {
      chunks.add(key);
      chunkBytes += layout.chunkEnds.get(key) ?? CHUNK_BYTES;
    }
    if (end > start && (loose > READ_LOOSE_GROUP || chunkBytes > READ_CHUNK_GROUP_BYTES)) break;
  }
  return end;
}
