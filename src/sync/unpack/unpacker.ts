import { concatBytes, deflatedRecordLength, ObjectRunBuilder, type ImportTarget, type ObjectRun, type Oid } from '../../store/index.ts';
import { StorageFullError } from '../errors.ts';
// The protocol's modules, not its index: the index pulls the pack writer, and with it pako's deflate,
// evaluated in every unpack worker at its start.
import { ProtocolError } from '../protocol/errors.ts';
import { createIncrementalSha1, createObjectHasher } from '../protocol/object-hasher.ts';
import { DEFAULT_MAX_OBJECT_BYTES } from '../protocol/pack-format.ts';
import { PackResolver, type ResolveBases, type ResolvedObject } from '../protocol/pack-resolver.ts';
import { PackStreamReader } from '../protocol/pack-stream.ts';
import type { PktLine } from '../protocol/pkt-line.ts';
import { PktLineReader } from '../protocol/pkt-line-reader.ts';
import { decodeSideBand, throwServerError } from '../protocol/side-band.ts';
import { PackClosure } from './pack-closure.ts';
import type { WarmChunks } from './warm-chunks.ts';

/** How far an unpack got, for progress bars. */
export interface UnpackProgress {
  /** Bytes of the answer received. */
  receivedBytes: number;
  /** Objects whose data came whole. */
  receivedObjects: number;
  /** Objects the pack declares (known once its header came). */
  totalObjects?: number;
  /** Objects hashed and checked. */
  resolvedObjects: number;
}

/** Where an unpack sends what it verified. */
export interface UnpackSink {
  /**
   * A run of verified objects to store; the unpack goes on when it resolves (back-pressure).
   * `last`: no run follows, and the unpack has nothing left to do but wait for the runs to be
   * stored, so a sink may store this one beside those still in flight (on another thread).
   */
  run(run: ObjectRun, bytes: number, last: boolean): Promise<void>;
  progress(progress: UnpackProgress): void;
  /** A line of the server's own progress (side-band channel 2). */
  serverMessage(text: string): void;
  /** Bases a thin pack leaves out: objects this device holds. */
  resolveBases: ResolveBases;
  /**
   * The sink keeps nothing of a run once `run` resolved (IndexedDB cloned it, or its buffers were
   * transferred): its chunks' memory is then written again for the next runs.
   */
  runsCopied?: boolean;
}

/** What the whole pack held, once it checked out. */
export interface UnpackSummary {
  objects: number;
  /** Objects its objects name that it does not hold: the store must have every one. */
  outside: Oid[];
  /** Whether the wanted object is in the pack. */
  hasWanted: boolean;
  /** The wanted object's loose form, when the pack holds it: the merge that follows reads it first. */
  wanted?: Uint8Array;
  /** Bytes of the objects' loose forms: what storing them takes. */
  storedBytes: number;
}

/** Options of an unpack. */
export interface UnpackOptions {
  want: Oid;
  /** Where a worker stores runs itself (the page then only hears how many were stored). */
  target?: ImportTarget;
  /** Bytes this site may still store; a fetch needing more is refused before the run that would overflow. */
  maxStoredBytes?: number;
  maxObjectBytes?: number;
  /** Bytes of a run of objects handed to the sink at once (a transaction's worth). */
  runBytes?: number;
  /** Bytes of delta bases kept, counted as the whole chunks they lie in (24 MB by default). */
  deltaBaseCacheBytes?: number;
}

/** A run of about this size is one bounded transaction: 4 MB clone and store in ~10 ms here. */
const DEFAULT_RUN_BYTES = 4 * 1024 * 1024;
/**
 * The chunks of a fetch's runs: 1 MB, not the store's usual 256 KB. Each chunk is one IndexedDB
 * value, which Chromium writes as a blob file of its own; at 256 KB, storing a 37 MB pack's runs
 * cost ~0.35 s of the worker and ~0.25 s of the browser (measured: a whole first sync's Chromium
 * CPU 1,820 -> 1,570 ms with 1 MB). A read of one object loads its whole chunk, still ~1 ms.
 */
export const FETCH_CHUNK_BYTES = 1024 * 1024;
/**
 * Runs being stored at once: with two, the next run is read while IndexedDB commits the last
 * (with one, reading stopped at every run until its transaction was done).
 */
const RUNS_IN_FLIGHT = 2;
/**
 * Delta bases kept, counted as the whole chunks they lie in: a chunk a base is kept in is not
 * written again, and a fresh chunk costs its pages' first writes (~4 ms per MB here). 12 MB, not
 * the 64 MB of a bundle's parse: on the bench's packs, the chunks written again rise (9.2 MB pack:
 * 6 of 19 where 24 MB wrote none again; 37 MB: 74 of 87, from 62), while few bases are built again
 * from the pack (0 of 2,674 entries, 3 of 11,394, 321 of 31,178 at 245 MB: 44 with 24 MB, 706
 * with 8 MB). The unpack worker's renderer CPU, the answer alone, fell 4-8 % at 9.2 and 37 MB
 * with it and stayed at 245 MB.
 */
const FETCH_DELTA_BASE_CACHE_BYTES = 12 * 1024 * 1024;
/**
 * A whole object whose loose form is at least this large is inflated into a scratch arena (to be
 * hashed, and kept while a delta's base), and stored as the zlib stream the pack carried it in
 * when that is shorter (see the store's stored-record.ts): a first sync stores about half the
 * bytes (9.2 MB pack: 19.0 -> 10.6 MB; 245 MB: 412 -> 263 MB), and IndexedDB's cost is per
 * byte. Smaller ones (most trees and commits, read often) stay loose: read without inflating.
 */
const DEFLATED_MIN_BYTES = 4096;
/** At most one progress report per this many ms. */
const PROGRESS_MS = 100;

/** The acknowledgements before an upload-pack answer's side-band stream: "NAK" or "ACK <id> ...". */
function isAcknowledgement(packet: PktLine): boolean {
  if (!(packet instanceof Uint8Array) || packet.length < 3) return false;
  const word = String.fromCharCode(packet[0] as number, packet[1] as number, packet[2] as number);
  return word === 'NAK' || word === 'ACK';
}

/**
 * Reads an upload-pack answer as it streams in: the acknowledgements, then the side-band stream
 * whose channel 1 is the pack, read entry by entry ({@link PackStreamReader}), each object
 * resolved and hashed ({@link PackResolver}), its links checked ({@link PackClosure}), and laid
 * out in runs of about `runBytes` for the sink to store. Pure computation apart from the sink:
 * the same code runs in a Web Worker (the browser) or in the caller's thread (Node).
 */
export class Unpacker {
  private readonly packets = new PktLineReader();
  private inSideBand = false;
  private ended = false;
  private receivedBytes = 0;
  /** A double from the start (Date.now() is one): a field that turned from a small integer to a double changed the object's shape mid-fetch. */
  private lastProgress = Number.NEGATIVE_INFINITY;
  private readonly closure = new PackClosure();
  private storedBytes = 0;
  /** Runs handed to the sink and not yet stored, oldest first. */
  private readonly storing: Array<Promise<void>> = [];
  private storeFailure: unknown;
  /** The hashing of the objects the last chunk completed. */
  private hashing: Promise<void> = Promise.resolve();
  /** Runs are handed over one after another. */
  private sending: Promise<void> = Promise.resolve();
  private stopped = false;
  /** A copy of the wanted object's loose form, once it came (its chunk is written again later). */
  private wanted: Uint8Array | undefined;

  private constructor(
    private readonly reader: PackStreamReader,
    private readonly resolver: PackResolver,
    private readonly builder: ObjectRunBuilder,
    private readonly scratch: ObjectRunBuilder,
    private readonly sink: UnpackSink,
    private readonly options: Required<Omit<UnpackOptions, 'target'>>,
  ) {}

  /** `ahead`: chunks of memory written ahead (a first fetch's, see warm-chunks.ts), taken before fresh ones. */
  static async create(options: UnpackOptions, sink: UnpackSink, ahead?: WarmChunks): Promise<Unpacker> {
    const full = { maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES, runBytes: DEFAULT_RUN_BYTES, deltaBaseCacheBytes: FETCH_DELTA_BASE_CACHE_BYTES, target: undefined, maxStoredBytes: Infinity, ...options };
    const created: { unpacker?: Unpacker } = {};
    // Objects are built in place, in the run's chunks: no buffer of their own, no copy; but a
    // large whole object is built in the scratch arena (DEFLATED_MIN_BYTES), whose chunks are
    // written again once laid out for storing. A chunk is written again once no delta base in it is kept.
    const written = (): Uint8Array | undefined => ahead?.take();
    const builder = new ObjectRunBuilder(FETCH_CHUNK_BYTES, (buffer) => resolver.holds(buffer), true, written);
    const scratch = new ObjectRunBuilder(FETCH_CHUNK_BYTES, (buffer) => resolver.holds(buffer), false, written);
    const allocate = (length: number): Uint8Array => builder.reserve(length);
    const allocateWhole = (length: number): Uint8Array => (length >= DEFLATED_MIN_BYTES ? scratch : builder).reserve(length);
    const reader = new PackStreamReader((entry) => resolver.add(entry), { maxObjectBytes: full.maxObjectBytes, checksum: await createIncrementalSha1(), allocate: allocateWhole });
    const resolver = new PackResolver(reader.bytes, await createObjectHasher(), (object) => created.unpacker?.take(object), {
      maxObjectBytes: full.maxObjectBytes,
      cacheBytes: full.deltaBaseCacheBytes,
      allocate,
      inflater: reader.inflater,
    });
    created.unpacker = new Unpacker(reader, resolver, builder, scratch, sink, full);
    return created.unpacker;
  }

  /** The next bytes of the answer. */
  push(chunk: Uint8Array): Promise<void> {
    return this.stopOnFailure(() => this.read(chunk));
  }

  /** The answer is over: checks the pack's end, resolves a thin pack's deltas, and sums up. */
  end(): Promise<UnpackSummary> {
    return this.stopOnFailure(() => this.sumUp());
  }

  /**
   * Hands over no more runs: the fetch failed or was aborted, and what was stored is being deleted
   * (a run whose objects were still being hashed would otherwise be stored after that).
   */
  stop(): void {
    this.stopped = true;
  }

  private async stopOnFailure<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      this.stop();
      throw error;
    }
  }

  private async read(chunk: Uint8Array): Promise<void> {
    if (this.storeFailure !== undefined) throw this.storeFailure;
    this.receivedBytes += chunk.length;
    this.packets.push(chunk);
    for (let packet = this.packets.nextParts(); packet !== undefined && !this.ended; packet = this.packets.nextParts()) {
      if (!this.inSideBand && typeof packet !== 'string' && isAcknowledgement(concatBytes(packet))) continue;
      this.inSideBand = true;
      if (packet === 'flush') this.ended = true;
      else if (packet === 'delim') throw new ProtocolError('side-band', 'a delim packet inside side-band data');
      else this.readBand(packet);
    }
    await this.reader.settle(); // an object over 16 MB waits for pako to load
    // The objects this chunk completed are hashed while the next chunk is read; this waits only
    // for those of the one before (WebCrypto hashes on its own thread: awaiting each chunk's
    // objects at once left this thread idle until they came back).
    const hashing = this.resolver.flush();
    // Once they are, a run they complete is handed over at once, even if no more bytes come for a
    // while (a slow server); a failure of either surfaces at the next push or at the end.
    hashing.then(() => this.send(false)).catch(() => undefined);
    const previous = this.hashing;
    this.hashing = hashing;
    await previous;
    await this.send(false);
    this.report(false);
  }

  private async sumUp(): Promise<UnpackSummary> {
    this.packets.end();
    await this.reader.settle(true);
    this.reader.end();
    await this.resolver.finish(this.sink.resolveBases);
    // Every object is received and checked: said now, not only once the last runs are stored.
    this.report(true);
    await this.sending;
    if (this.storeFailure !== undefined) throw this.storeFailure;
    await this.send(true);
    await Promise.all(this.storing.splice(0));
    this.report(true);
    const objects = this.reader.entries;
    const summary: UnpackSummary = { objects, outside: this.closure.finish(), hasWanted: this.closure.has(this.options.want), storedBytes: this.storedBytes };
    if (this.wanted) summary.wanted = this.wanted;
    return summary;
  }

  /** One side-band packet, as the views it lies in: the pack's bytes go to the reader uncopied. */
  private readBand(parts: Uint8Array[]): void {
    if (parts[0]?.[0] === 1) {
      this.reader.push((parts[0] as Uint8Array).subarray(1));
      for (let i = 1; i < parts.length; i++) this.reader.push(parts[i] as Uint8Array);
      return;
    }
    const band = decodeSideBand(concatBytes(parts));
    if (band.band === 2) this.sink.serverMessage(band.text);
    else if (band.band === 3) throwServerError(band.text);
  }

  /** A verified object: checked against what names it, and added to the run being laid out. */
  private take({ oid, type, raw, contentStart, zlib }: ResolvedObject): void {
    this.closure.add(oid, type, raw.subarray(contentStart));
    if (oid === this.options.want) this.wanted = raw.slice();
    if (this.scratch.holds(raw)) {
      this.storedBytes += this.keep(oid, raw, contentStart, zlib);
      return;
    }
    this.builder.place(oid, raw);
    this.storedBytes += raw.length;
  }

  /**
   * Lays out a large whole object built in the scratch arena: as the pack's zlib stream of it,
   * copied from the retained pack, when shorter; else its loose form (a buffer of its own is
   * taken as it is). Returns the bytes it will take stored.
   */
  private keep(oid: Oid, raw: Uint8Array, contentStart: number, zlib: ResolvedObject['zlib']): number {
    this.scratch.place(oid, raw);
    const length = zlib && deflatedRecordLength(contentStart, raw.length - contentStart, zlib.length);
    if (zlib && length !== undefined) {
      const record = this.builder.reserve(length);
      record.set(raw.subarray(0, contentStart));
      this.reader.bytes.copyTo(record, contentStart, zlib.offset, zlib.length);
      this.builder.place(oid, record);
      return length;
    }
    if (raw.length > FETCH_CHUNK_BYTES && raw.length === raw.buffer.byteLength) this.builder.adopt(oid, raw);
    else this.builder.add(oid, raw);
    return raw.length;
  }

  /** Hands over a run if one is ready ({@link sendRun}), after those handed over before. */
  private send(last: boolean): Promise<void> {
    const sent = this.sending.then(() => (this.stopped ? undefined : this.sendRun(last)));
    this.sending = sent.catch((error: unknown) => void (this.storeFailure ??= error));
    return sent;
  }

  private async sendRun(last: boolean): Promise<void> {
    // The scratch arena's objects are laid out for storing by now: its chunks are written again
    // once no delta base is kept in them.
    this.scratch.recycle(this.scratch.takeReady());
    if (last) this.builder.finish();
    if (this.builder.count === 0 || (!last && this.builder.bytes < this.options.runBytes)) return;
    const bytes = this.builder.bytes;
    const needed = this.storedBytes;
    if (needed > this.options.maxStoredBytes) throw new StorageFullError(needed, this.options.maxStoredBytes);
    const run = this.builder.takeReady();
    // Reading goes on while runs are stored; past RUNS_IN_FLIGHT it waits for the oldest (memory
    // stays bounded). The last run does not wait: its chunks are written already, nothing is read
    // after it, and the sink may store it beside the others.
    if (!last && this.storing.length >= RUNS_IN_FLIGHT) await this.storing.shift();
    const buffers = run.chunks.map((chunk) => chunk.buffer);
    const stored = this.sink.run(run, bytes, last);
    stored.then(
      () => this.stored(run, buffers),
      (error: unknown) => void (this.storeFailure ??= error), // surfaces at the next push
    );
    this.storing.push(stored);
  }

  /**
   * `run` is stored. A chunk the sink transferred to another thread (to store it) and gave back
   * in its place keeps its delta bases; one it did not give back loses them. Then its chunks may
   * be written again.
   */
  private stored(run: ObjectRun, buffers: ArrayBufferLike[]): void {
    run.chunks.forEach(({ buffer }, i) => {
      const sent = buffers[i] as ArrayBufferLike;
      if (buffer.byteLength > 0 && buffer !== sent) this.resolver.moved(sent, buffer as ArrayBuffer);
      else if (buffer.byteLength === 0) this.resolver.moved(sent);
    });
    if (this.sink.runsCopied) this.builder.recycle(run);
  }

  private report(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_MS) return;
    this.lastProgress = now;
    const progress: UnpackProgress = { receivedBytes: this.receivedBytes, receivedObjects: this.reader.entries, resolvedObjects: this.resolver.resolved };
    if (this.reader.count !== undefined) progress.totalObjects = this.reader.count;
    this.sink.progress(progress);
  }
}
