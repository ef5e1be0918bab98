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

/**
 * Objects laid out for storage: their loose forms (`"<type> <size>\0<content>"`) whole and
 * back to back in chunks, each chunk a buffer of its own (so storing one never drags a larger
 * buffer along), and the index that finds each object again. What a batch is made of, built
 * where the objects are verified (a worker unpacking a fetch) and stored as it is.
 */
export interface ObjectRun {
  chunks: Uint8Array[];
  index: BatchIndex;
}

/** The size a chunk grows to before the next starts; an object larger than it gets its own. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Lays objects out one at a time into chunks of about `chunkBytes`, copying each loose form
 * once. `take` hands over what was added so far as a run and starts afresh.
 */
export class ObjectRunBuilder {
  private chunks: Uint8Array[] = [];
  private oids: string[] = [];
  private locations: number[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Bytes added since the last `take`. */
  bytes = 0;

  constructor(private readonly chunkBytes = CHUNK_BYTES) {}

  /** Objects added since the last `take`. */
  get count(): number {
    return this.oids.length;
  }

  add(oid: string, raw: Uint8Array): void {
    if (this.pendingBytes > 0 && this.pendingBytes + raw.length > this.chunkBytes) this.flush();
    this.oids.push(oid);
    this.locations.push(this.chunks.length, this.pendingBytes, raw.length);
    this.pending.push(raw);
    this.pendingBytes += raw.length;
    this.bytes += raw.length;
  }

  take(): ObjectRun {
    this.flush();
    const run = { chunks: this.chunks, index: { oids: this.oids.join(''), locations: Uint32Array.from(this.locations) } };
    this.chunks = [];
    this.oids = [];
    this.locations = [];
    this.bytes = 0;
    return run;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const raw of this.pending) {
      chunk.set(raw, at);
      at += raw.length;
    }
    this.chunks.push(chunk);
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** Lays objects out in chunks of about `chunkBytes`, each object whole inside one chunk. */
export function encodeBatch(objects: readonly HashedObject[], chunkBytes = CHUNK_BYTES): ObjectRun {
  const builder = new ObjectRunBuilder(chunkBytes);
  for (const { oid, raw } of objects) builder.add(oid, raw);
  return builder.take();
}

/** How many objects a batch index holds. */
export function batchSize(index: BatchIndex): number {
  return index.oids.length / 40;
}

/** Adds a stored batch's objects `from` to `to` (all by default) to `into`. */
export function readBatchIndex(batch: number, index: BatchIndex, into: Map<Oid, BatchLocation>, from = 0, to = batchSize(index)): void {
  for (let i = from; i < to; i++) {
    // The builder wrote these from ids; not parsed again, since a large store loads many at start.
    const oid = index.oids.slice(i * 40, i * 40 + 40) as Oid;
    into.set(oid, {
      batch,
      chunk: index.locations[i * 3] as number,
      offset: index.locations[i * 3 + 1] as number,
      length: index.locations[i * 3 + 2] as number,
    });
  }
}

/** Where `oid` starts in ids concatenated 40 characters each (a batch index's `oids`), or -1. */
export function indexOfId(oids: string, oid: string): number {
  for (let at = oids.indexOf(oid); at >= 0; at = oids.indexOf(oid, at + 1)) if (at % 40 === 0) return at;
  return -1;
}
