// Many objects stored at once (a fetched pack, an imported bundle) are kept as a few large
// records instead of one record each: IndexedDB's cost is per record far more than per byte,
// so 5,000 objects in 40 chunks store about ten times faster than in 5,000 records. Objects
// stay uncompressed, whole and contiguous inside a chunk, so a read is a subarray.
import type { HashedObject } from '../objects/index.ts';
import type { Oid } from '../oid.ts';

/** Where one object of a batch lies. */
export interface BatchLocation {
  batch: number;
  chunk: number;
  offset: number;
  length: number;
}

/**
 * A batch's index as stored: the ids concatenated (40 hex characters each) and, per object,
 * its chunk, offset and length. One record per batch, read whole when the backend starts.
 */
export interface BatchIndex {
  oids: string;
  locations: Uint32Array;
}

/** A batch ready to store: its chunks in order, and its index. */
export interface EncodedBatch {
  chunks: Uint8Array[];
  index: BatchIndex;
}

/** The size a chunk grows to before the next starts; an object larger than it gets its own. */
export const CHUNK_BYTES = 256 * 1024;

/** Lays objects out in chunks of about `chunkBytes`, each object whole inside one chunk. */
export function encodeBatch(objects: readonly HashedObject[], chunkBytes = CHUNK_BYTES): EncodedBatch {
  const chunks: Uint8Array[] = [];
  const locations = new Uint32Array(objects.length * 3);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const chunk = new Uint8Array(pendingBytes);
    let at = 0;
    for (const raw of pending) {
      chunk.set(raw, at);
      at += raw.length;
    }
    chunks.push(chunk);
    pending = [];
    pendingBytes = 0;
  };
  objects.forEach(({ raw }, i) => {
    if (pendingBytes > 0 && pendingBytes + raw.length > chunkBytes) flush();
    locations[i * 3] = chunks.length;
    locations[i * 3 + 1] = pendingBytes;
    locations[i * 3 + 2] = raw.length;
    pending.push(raw);
    pendingBytes += raw.length;
  });
  flush();
  return { chunks, index: { oids: objects.map(({ oid }) => oid).join(''), locations } };
}

/** Adds a stored batch's objects to `into`. */
export function readBatchIndex(batch: number, index: BatchIndex, into: Map<Oid, BatchLocation>): void {
  const count = index.oids.length / 40;
  for (let i = 0; i < count; i++) {
    // encodeBatch wrote these from ids; not parsed again, since a large store loads many at start.
    const oid = index.oids.slice(i * 40, i * 40 + 40) as Oid;
    into.set(oid, {
      batch,
      chunk: index.locations[i * 3] as number,
      offset: index.locations[i * 3 + 1] as number,
      length: index.locations[i * 3 + 2] as number,
    });
  }
}
