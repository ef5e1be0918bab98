// Many objects stored at once (a fetched pack, an imported bundle) are kept as a few large
// records instead of one record each: IndexedDB's cost is per record far more than per byte,
// so 5,000 objects in 40 chunks store about ten times faster than in 5,000 records. Objects
// stay uncompressed, whole and contiguous inside a chunk, so a read is a subarray.
import type { HashedObject } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import type { BatchFile } from './batch-files.ts';

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
  /** Where the chunks were written to a file (batch-files.ts) instead of the `chunks` records. */
  file?: BatchFile;
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
 * Whether anything other than a stored run still reads a chunk's buffer (say, a cache of objects
 * built in it): such a chunk is not written again.
 */
export type BufferInUse = (buffer: ArrayBufferLike) => boolean;

/** Stored chunks no cache reads kept for reuse at most: a run's worth and a bit. */
const MAX_FREE_SPARES = 6;

/** A chunk being filled: its objects, and how many of its slots still wait for their id. */
interface OpenChunk {
  readonly bytes: Uint8Array;
  used: number;
  waiting: number;
  /** No slot will be reserved in it any more. */
  sealed: boolean;
  oids: string[];
  /** Offset and length of each object, as `oids`. */
  spans: number[];
  objectBytes: number;
}

/**
 * Lays objects out into chunks of about `chunkBytes`, as an arena: {@link reserve} gives the room
 * where an object's loose form will be stored, the caller writes (inflates, applies a delta)
 * straight into it, and {@link place} names it once its id is known. So an object fetched is
 * never built in a buffer of its own and copied (a copy and a garbage buffer per object
 * otherwise). An object as large as a chunk gets a buffer of its own, exactly its size. {@link takeReady} hands over the chunks that
 * are full and whose every object is placed, as a run; {@link take} everything.
 *
 * Once a run is stored and its chunks are no longer read ({@link recycle}), their memory is
 * written again for the next chunks: memory the process has touched before. A fresh buffer costs
 * its pages' first writes, which took ~4 ms per MB here (a 37 MB pack's 84 MB of objects: ~0.3 s
 * of page faults in the worker), against ~0.1 ms per MB for memory written before.
 */
export class ObjectRunBuilder {
  private ready: Uint8Array[] = [];
  private oids: string[] = [];
  private locations: number[] = [];
  private open: OpenChunk | undefined;
  /** The chunks with slots not yet placed, by buffer. */
  private readonly waiting = new Map<ArrayBufferLike, OpenChunk>();
  /** Arena buffers whose objects are stored (or copied out), oldest first: reused once nothing reads them. */
  private readonly spares: ArrayBuffer[] = [];
  /** Bytes of the objects in the chunks {@link takeReady} would hand over. */
  bytes = 0;

  /**
   * `inUse`: what else may still read a stored chunk's buffer (none by default). `trim`: a chunk
   * mostly unused is handed over as a copy of its used part (off for an arena never stored).
   * `ahead`: chunks whose memory was written ahead (a fresh buffer costs its pages' first writes),
   * taken before a fresh one; one of another size is dropped.
   */
  constructor(
    private readonly chunkBytes = CHUNK_BYTES,
    private readonly inUse: BufferInUse = () => false,
    private readonly trim = true,
    private readonly ahead: () => Uint8Array | undefined = () => undefined,
  ) {}

  /** Whether `raw` lies in a chunk this builder is still laying out (a slot {@link reserve} gave, its chunk not handed over). */
  holds(raw: Uint8Array): boolean {
    return this.waiting.has(raw.buffer);
  }

  /** Objects in the chunks {@link takeReady} would hand over. */
  get count(): number {
    return this.oids.length;
  }

  /** Room for an object's `length`-byte loose form where it will be stored; name it with {@link place}. */
  reserve(length: number): Uint8Array {
    if (length >= this.chunkBytes) return this.reserveIn(this.newChunk(length, true), length);
    let open = this.open;
    if (!open || open.used + length > open.bytes.length) {
      if (open) this.seal(open);
      open = this.open = this.newChunk(this.chunkBytes, false);
    }
    return this.reserveIn(open, length);
  }

  /** `raw`, a slot {@link reserve} gave and now filled, is the object `oid`. */
  place(oid: string, raw: Uint8Array): void {
    const chunk = this.waiting.get(raw.buffer);
    if (!chunk) throw new Error('ObjectRunBuilder.place: not a reserved slot');
    chunk.oids.push(oid);
    chunk.spans.push(raw.byteOffset, raw.length);
    chunk.objectBytes += raw.length;
    chunk.waiting--;
    this.settle(chunk);
  }

  /** Copies `raw` in: an object already built elsewhere. */
  add(oid: string, raw: Uint8Array): void {
    const slot = this.reserve(raw.length);
    slot.set(raw);
    this.place(oid, slot);
  }

  /**
   * Takes `raw`, a buffer of its own larger than a chunk (built elsewhere, and no longer written
   * there), as a chunk of its own holding object `oid`: no copy. Larger, not as large: a buffer of
   * exactly a chunk's size may be a builder's spare, written again once its chunks are recycled.
   */
  adopt(oid: string, raw: Uint8Array): void {
    if (raw.byteOffset !== 0 || raw.length !== raw.buffer.byteLength || raw.length <= this.chunkBytes) throw new Error('ObjectRunBuilder.adopt: not a whole buffer larger than a chunk');
    const chunk: OpenChunk = { bytes: raw, used: raw.length, waiting: 1, sealed: true, oids: [], spans: [], objectBytes: 0 };
    this.waiting.set(raw.buffer, chunk);
    this.place(oid, raw);
  }

  /** Hands over the full chunks whose objects are all placed (none may be, then the run is empty). */
  takeReady(): ObjectRun {
    const run = { chunks: this.ready, index: { oids: this.oids.join(''), locations: Uint32Array.from(this.locations) } };
    this.ready = [];
    this.oids = [];
    this.locations = [];
    this.bytes = 0;
    return run;
  }

  /** No more objects: the chunk being filled is ready too. Each reserved slot must have been placed. */
  finish(): void {
    if (this.open) this.seal(this.open);
    if (this.waiting.size > 0) throw new Error('ObjectRunBuilder.finish: a reserved slot was never placed');
  }

  /**
   * `run`, taken from here, is stored and its chunks will not be read through it again (IndexedDB
   * cloned them): their buffers may be written again once `inUse` lets go of them. A buffer
   * transferred to another thread (detached) or not of a chunk's size is left alone.
   */
  recycle(run: ObjectRun): void {
    for (const chunk of run.chunks) this.offer(chunk.buffer);
  }

  /** Hands over every object ({@link finish}, then {@link takeReady}). */
  take(): ObjectRun {
    this.finish();
    return this.takeReady();
  }

  private newChunk(size: number, sealed: boolean): OpenChunk {
    const bytes = (size === this.chunkBytes && (this.spare() ?? this.writtenAhead())) || new Uint8Array(size);
    return { bytes, used: 0, waiting: 0, sealed, oids: [], spans: [], objectBytes: 0 };
  }

  private writtenAhead(): Uint8Array | undefined {
    for (let chunk = this.ahead(); chunk; chunk = this.ahead()) if (chunk.length === this.chunkBytes) return chunk;
    return undefined;
  }

  private offer(buffer: ArrayBufferLike): void {
    if (buffer.byteLength === this.chunkBytes && buffer instanceof ArrayBuffer && !this.spares.includes(buffer)) this.spares.push(buffer);
  }

  /** The oldest spare nothing reads any more (its old bytes stay: every slot is written before it is read); extra free ones are let go. */
  private spare(): Uint8Array | undefined {
    let found: ArrayBuffer | undefined;
    let free = 0;
    for (let i = 0; i < this.spares.length; i++) {
      const buffer = this.spares[i] as ArrayBuffer;
      if (buffer.byteLength !== this.chunkBytes) this.spares.splice(i--, 1); // transferred since
      else if (this.inUse(buffer)) continue;
      else if (!found) {
        found = buffer;
        this.spares.splice(i--, 1);
      } else if (++free > MAX_FREE_SPARES) this.spares.splice(i--, 1);
    }
    return found && new Uint8Array(found);
  }

  private reserveIn(chunk: OpenChunk, length: number): Uint8Array {
    const slot = chunk.bytes.subarray(chunk.used, chunk.used + length);
    chunk.used += length;
    chunk.waiting++;
    this.waiting.set(chunk.bytes.buffer, chunk);
    return slot;
  }

  private seal(chunk: OpenChunk): void {
    chunk.sealed = true;
    if (chunk === this.open) this.open = undefined;
    this.settle(chunk);
  }

  /**
   * A sealed chunk with every object placed joins the ready ones. Stored as a view, its unused end
   * would be stored too (a view is stored with its whole buffer): past an eighth of the chunk
   * (a large object came, or the last chunk of all), it is trimmed to a copy.
   */
  private settle(chunk: OpenChunk): void {
    if (!chunk.sealed || chunk.waiting > 0) return;
    this.waiting.delete(chunk.bytes.buffer);
    if (chunk.oids.length === 0) return;
    const at = this.ready.length;
    const unused = chunk.bytes.length - chunk.used;
    if (this.trim && unused > chunk.bytes.length / 8) {
      this.ready.push(chunk.bytes.slice(0, chunk.used));
      this.offer(chunk.bytes.buffer); // copied out: only what else reads it keeps it
    } else this.ready.push(chunk.bytes.subarray(0, chunk.used));
    for (let i = 0; i < chunk.oids.length; i++) this.locations.push(at, chunk.spans[2 * i] as number, chunk.spans[2 * i + 1] as number);
    this.oids.push(...chunk.oids);
    this.bytes += chunk.objectBytes;
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

/**
 * Adds a stored batch's objects `from` to `to` (all by default) to `into`, and with `chunkEnds`
 * where each chunk's last object ends (by {@link chunkKey}): about the chunk's size.
 */
export function readBatchIndex(batch: number, index: BatchIndex, into: Map<Oid, BatchLocation>, from = 0, to = batchSize(index), chunkEnds?: Map<string, number>): void {
  // Objects mostly follow each other in a chunk: its end is noted when the next chunk starts.
  let chunk = -1;
  let end = 0;
  const note = (): void => {
    if (!chunkEnds || chunk < 0) return;
    const key = chunkKey(batch, chunk);
    if (end > (chunkEnds.get(key) ?? 0)) chunkEnds.set(key, end);
  };
  for (let i = from; i < to; i++) {
    // The builder wrote these from ids; not parsed again, since a large store loads many at start.
    const oid = index.oids.slice(i * 40, i * 40 + 40) as Oid;
    const at: BatchLocation = {
      batch,
      chunk: index.locations[i * 3] as number,
      offset: index.locations[i * 3 + 1] as number,
      length: index.locations[i * 3 + 2] as number,
    };
    into.set(oid, at);
    if (at.chunk !== chunk) {
      note();
      chunk = at.chunk;
      end = 0;
    }
    end = Math.max(end, at.offset + at.length);
  }
  note();
}

/** How a batch's chunk is named in caches and maps: `<batch>/<chunk>`. */
export function chunkKey(batch: number, chunk: number): string {
  return `${batch}/${chunk}`;
}

/** Where `oid` starts in ids concatenated 40 characters each (a batch index's `oids`), or -1. */
export function indexOfId(oids: string, oid: string): number {
  for (let at = oids.indexOf(oid); at >= 0; at = oids.indexOf(oid, at + 1)) if (at % 40 === 0) return at;
  return -1;
}
