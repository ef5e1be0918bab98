import { ProtocolError } from './errors.ts';
import type { IncrementalSha1 } from './object-hasher.ts';
import { MAX_ENTRY_HEADER_BYTES, readEntryHeader, readPackHeader, type EntryHeader } from './pack-entry-header.ts';
import { PACK_HEADER_BYTES, PACK_TRAILER_BYTES, TYPE_NAMES } from './pack-format.ts';
import { RetainedBytes } from './retained-bytes.ts';
import { loadPako, StreamInflater, WANTS_MORE } from './zlib-stream.ts';

/** One entry of a pack, inflated. */
export interface PackEntry extends Omit<EntryHeader, 'length'> {
  /** Position in the pack, from 0. */
  index: number;
  /** Pack offset of the entry's header. */
  offset: number;
  /** Pack offset of its zlib stream. */
  dataOffset: number;
  /** Pack offset just past its zlib stream (known once the entry is handed on). */
  dataEnd: number;
  /**
   * A whole object: its loose form (`"<type> <size>\0"`, then the content from `contentStart`).
   * A delta: the delta, in a buffer the reader reuses for the next delta, so valid only during
   * `onEntry` (copy it to keep it).
   */
  data: Uint8Array;
  contentStart: number;
}

/** Options of a {@link PackStreamReader}. */
export interface PackStreamOptions {
  /** Refuse any object (or delta) larger than this. */
  maxObjectBytes: number;
  /** The pack's trailing checksum is checked against this hash of everything before it. */
  checksum: IncrementalSha1;
  /** The pack's whole length, when known in advance (a file): lets absurd sizes be refused at once. */
  total?: number;
  /**
   * Where a whole object's loose form is built: room for `length` bytes, the place it will be
   * stored (an arena's slot), so it is never copied; a buffer of its own by default.
   */
  allocate?: Allocate;
}

/** Gives `length` bytes of room for an object's loose form. */
export type Allocate = (length: number) => Uint8Array;

const ownBuffer: Allocate = (length) => new Uint8Array(length);

const EMPTY = new Uint8Array(0);

/** Deflate cannot beat about 1032:1, so a larger claimed size is a lie; refuse before allocating. */
const MAX_RATIO = 1100;

/** Bytes of the loose-object header `"<type> <size>\0"` of a whole object. */
export function looseHeaderLength(typeCode: number, size: number): number {
  return (TYPE_NAMES[typeCode] as string).length + String(size).length + 2;
}

/**
 * A whole object's loose form with its header written and room for `size` bytes of content
 * after it, in room from `allocate`: no encoder (this runs for every object of a pack).
 */
export function looseBuffer(typeCode: number, size: number, allocate: Allocate = ownBuffer): { raw: Uint8Array; contentStart: number } {
  const contentStart = looseHeaderLength(typeCode, size);
  const raw = allocate(contentStart + size);
  const header = `${TYPE_NAMES[typeCode] as string} ${size}`;
  for (let i = 0; i < header.length; i++) raw[i] = header.charCodeAt(i);
  raw[contentStart - 1] = 0;
  return { raw, contentStart };
}

/**
 * Reads a pack (version 2 or 3) as it arrives, in chunks of any size: checks the signature,
 * version and object count, reads each entry's header (type, size, delta base) and inflates its
 * data into exactly its declared size, handing every entry to `onEntry` in pack order as soon
 * as its zlib stream ends. `end` checks that every declared object came and that the trailing
 * SHA-1 matches. The bytes are kept (as the chunks they came in) for inflating a delta base
 * again later. Anything malformed is a ProtocolError saying what.
 */
export class PackStreamReader {
  /** Every byte pushed, readable again from any offset. */
  readonly bytes = new RetainedBytes();
  /** Objects the pack declares; known once its first 12 bytes came. */
  count: number | undefined;
  private done = 0;
  /** Pack offset of the next entry (or of the trailer, once all came). */
  private position = 0;
  private current: { entry: PackEntry; next: number } | undefined;
  private hashed = 0;
  /** Its inflater, which others may use while it is {@link StreamInflater.idle} (between entries). */
  readonly inflater = new StreamInflater();
  /** Where deltas are inflated: most are applied at once and dropped, so one buffer serves all. */
  private deltaBuffer = new Uint8Array(64 * 1024);
  /** Set while the next entry waits for pako to load: see {@link settle}. */
  private waiting: Promise<void> | undefined;

  constructor(
    private readonly onEntry: (entry: PackEntry) => void,
    private readonly options: PackStreamOptions,
  ) {}

  /** Entries read so far. */
  get entries(): number {
    return this.done;
  }

  /** Reads what `chunk` completes. */
  push(chunk: Uint8Array): void {
    this.bytes.append(chunk);
    this.advance(false);
    this.hashUpTo(this.current ? this.current.next : this.position);
  }

  /**
   * Reads on once pako is loaded, when an entry waits for it (an object over 16 MB, or no
   * WebAssembly here): {@link push} stops at such an entry. Await it after each push, and with
   * `final` once the stream is over (the last entries are then read, however few bytes they
   * take), before {@link end}.
   */
  async settle(final = false): Promise<void> {
    if (final) this.advance(true);
    while (this.waiting) {
      await this.waiting;
      this.waiting = undefined;
      if (final) this.advance(true);
      else this.push(EMPTY);
    }
  }

  /**
   * The stream is over: refuses a pack cut short, with bytes after its checksum, or whose
   * checksum differs. Call after `settle(true)`.
   */
  end(): void {
    this.advance(true);
    if (this.waiting) throw new Error('PackStreamReader.end: an entry still waits for pako (settle(true) first)');
    this.inflater.close();
    const count = this.count ?? 0;
    if (this.done < count) throw new ProtocolError('pack', `it ends where object ${this.done + 1} of ${count} should be (cut short)`, { offset: this.position });
    const extra = this.bytes.length - this.position - PACK_TRAILER_BYTES;
    if (extra > 0) throw new ProtocolError('pack', `${extra} bytes after its ${count} objects where the checksum should start`, { offset: this.position });
    if (extra < 0) throw new ProtocolError('pack', 'it is cut short inside its checksum', { offset: this.position });
    this.hashUpTo(this.position);
    const expected = this.options.checksum.digest();
    const trailer = this.bytes.slice(this.position, PACK_TRAILER_BYTES);
    if (expected.some((byte, i) => trailer[i] !== byte)) {
      throw new ProtocolError('pack', 'its SHA-1 checksum does not match its contents (corrupted in transit?)', { offset: this.position });
    }
  }

  private advance(final: boolean): void {
    if (this.count === undefined) {
      if (this.bytes.length < PACK_HEADER_BYTES) {
        if (final) throw new ProtocolError('pack', `only ${this.bytes.length} bytes, too short for a pack`);
        return;
      }
      this.count = readPackHeader(this.bytes.slice(0, PACK_HEADER_BYTES), this.options.total);
      this.position = PACK_HEADER_BYTES;
    }
    while (this.done < this.count) {
      if (!this.current && !this.startEntry(final)) return;
      if (!this.inflateCurrent(final)) return;
    }
  }

  /** Reads the next entry's header and prepares its buffer; false when more bytes are needed. */
  private startEntry(final: boolean): boolean {
    const available = this.bytes.length - this.position;
    if (this.waiting || (available < MAX_ENTRY_HEADER_BYTES && !final)) return false;
    if (available <= 0) return false;
    const head = this.bytes.slice(this.position, Math.min(available, MAX_ENTRY_HEADER_BYTES));
    const header = readEntryHeader(head, 0, head.length, this.options.maxObjectBytes, this.position);
    const dataOffset = this.position + header.length;
    const { total } = this.options;
    if (total !== undefined) {
      const left = total - PACK_TRAILER_BYTES - dataOffset;
      if (left <= 0) throw new ProtocolError('pack', "the pack ends where an object's data should start", { offset: dataOffset });
      if (header.size > left * MAX_RATIO + 1024) {
        throw new ProtocolError('pack', `an object declares ${header.size} bytes but only ${left} compressed bytes remain`, { offset: dataOffset });
      }
    }
    // Before any room is taken for it: an entry waiting for pako is read again once it is loaded.
    if (this.inflater.prepare(header.size)) {
      this.waiting = loadPako();
      return false;
    }
    const whole = TYPE_NAMES[header.typeCode] !== undefined;
    const { raw: data, contentStart } = whole ? looseBuffer(header.typeCode, header.size, this.options.allocate) : { raw: this.deltaRoom(header.size), contentStart: 0 };
    // Every entry has the same fields, in the same order (one shape for the code that reads them).
    const entry: PackEntry = { typeCode: header.typeCode, size: header.size, baseOffset: header.baseOffset, baseOid: header.baseOid, index: this.done, offset: this.position, dataOffset, dataEnd: dataOffset, data, contentStart };
    this.current = { entry, next: dataOffset };
    this.inflater.begin(data, contentStart, this.position);
    return true;
  }

  /** `size` bytes of the reused delta buffer, grown (to at most `maxObjectBytes`) when too small. */
  private deltaRoom(size: number): Uint8Array {
    if (this.deltaBuffer.length < size) this.deltaBuffer = new Uint8Array(Math.min(Math.max(size, this.deltaBuffer.length * 2), this.options.maxObjectBytes));
    return this.deltaBuffer.subarray(0, size);
  }

  /** Feeds the current entry what has come; false when its stream wants more. */
  private inflateCurrent(final: boolean): boolean {
    const current = this.current as { entry: PackEntry; next: number };
    const bytes = this.bytes;
    for (let i = bytes.chunkAt(current.next); i >= 0 && i < bytes.chunkCount; i++) {
      const chunk = bytes.chunk(i);
      const start = current.next - bytes.chunkStart(i);
      const consumed = this.inflater.feed(chunk, start);
      if (consumed === WANTS_MORE) {
        current.next += chunk.length - start;
        continue;
      }
      current.next += consumed;
      this.position = current.entry.dataEnd = current.next;
      this.current = undefined;
      this.done++;
      this.onEntry(current.entry);
      return true;
    }
    if (final) throw new ProtocolError('pack', "the pack is cut short inside an object's compressed data", { offset: current.entry.offset });
    return false;
  }

  private hashUpTo(offset: number): void {
    const bytes = this.bytes;
    for (let i = bytes.chunkAt(this.hashed); i >= 0 && this.hashed < offset; i++) {
      const start = this.hashed - bytes.chunkStart(i);
      const part = bytes.chunk(i).subarray(start, start + offset - this.hashed);
      this.options.checksum.update(part);
      this.hashed += part.length;
    }
  }
}
