import { sha1 } from '@noble/hashes/legacy.js';
import { concatBytes, type GitObject } from '../../store/index.ts';
import { createDeflater, deflateBound, type Deflater } from './deflate-into.ts';
import type { IncrementalSha1 } from './object-hasher.ts';
import { PACK_HEADER_BYTES, PACK_SIGNATURE, TYPE_CODES, writeEntryHeader } from './pack-format.ts';

/** Options of {@link encodePack} and {@link PackEncoder}. */
export interface EncodePackOptions {
  /**
   * zlib level, 0-9. Default 1, because our objects are small: for 200-byte JSON records the
   * level barely matters (10,000 of them: same size within 0.01 %, same time, measured here),
   * and for bigger ones such as large trees level 1 is about three times faster than 6
   * (ENVIRONMENT.md: 180 against 57 MB/s).
   */
  level?: number;
}

/** Largest header of one entry: 1 byte + 7 bits per byte for a 2^53 size. */
const MAX_ENTRY_HEADER = 10;

/**
 * Writes a version 2 pack of `count` objects part by part, each object whole (no deltas): the
 * `PACK` header and count, per object its type/size header and zlib stream, then the SHA-1 of
 * everything before it. A pack can so be built as its objects are read, and the parts handed
 * on as they come (a Web Worker builds a push's or an export's pack this way). zlib writes
 * straight into one buffer per part sized by its bound, reusing its state between objects.
 */
export class PackEncoder {
  private readonly deflater: Deflater;
  private encoded = 0;

  constructor(
    private readonly count: number,
    options: EncodePackOptions = {},
    private readonly checksum: IncrementalSha1 = nobleSha1(),
  ) {
    if (count > 0xffffffff) throw new RangeError(`A pack holds at most 2^32-1 objects, got ${count}`);
    this.deflater = createDeflater(options.level ?? 1);
  }

  /** The pack's first bytes: signature, version and object count. */
  header(): Uint8Array {
    const out = new Uint8Array(PACK_HEADER_BYTES);
    out.set(PACK_SIGNATURE, 0);
    const view = new DataView(out.buffer);
    view.setUint32(4, 2);
    view.setUint32(8, this.count);
    this.checksum.update(out);
    return out;
  }

  /** The entries of the next `objects`, in order; a view into one buffer of their size's bound. */
  encode(objects: readonly GitObject[]): Uint8Array {
    return this.appendEncoded(writeEntries(this.deflater, objects).bytes, objects.length);
  }

  /**
   * Entries encoded earlier by {@link encodePackEntries}, `count` objects, as the next ones: a
   * server sending the same objects in many packs deflates each only once.
   */
  appendEncoded(entries: Uint8Array, count: number): Uint8Array {
    this.encoded += count;
    if (this.encoded > this.count) throw new RangeError(`The pack was announced with ${this.count} objects, got more`);
    this.checksum.update(entries);
    return entries;
  }

  /** The pack's last bytes, the SHA-1 of all before them; frees zlib's state. */
  finish(): Uint8Array {
    this.deflater.end();
    if (this.encoded !== this.count) throw new RangeError(`The pack was announced with ${this.count} objects, got ${this.encoded}`);
    return this.checksum.digest();
  }

  /** Frees zlib's state when the pack is given up. */
  abandon(): void {
    this.deflater.end();
  }
}

/**
 * The pack entry of each of `objects` (its type/size header and zlib stream), to be put in packs
 * later with {@link PackEncoder.appendEncoded}; one zlib state serves them all.
 */
export function encodePackEntries(objects: readonly GitObject[], options: EncodePackOptions = {}): Uint8Array[] {
  const deflater = createDeflater(options.level ?? 1);
  try {
    const { bytes, ends } = writeEntries(deflater, objects);
    const own = bytes.slice();
    return ends.map((end, i) => own.subarray(i === 0 ? 0 : ends[i - 1], end));
  } finally {
    deflater.end();
  }
}

/** Writes the entries of `objects` into one buffer of their size's bound: what was written, and where each entry ends. */
function writeEntries(deflater: Deflater, objects: readonly GitObject[]): { bytes: Uint8Array; ends: number[] } {
  let capacity = 0;
  for (const object of objects) capacity += MAX_ENTRY_HEADER + deflateBound(object.content.length);
  const out = new Uint8Array(capacity);
  const ends: number[] = [];
  let offset = 0;
  for (const object of objects) {
    offset = writeEntryHeader(out, offset, TYPE_CODES[object.type], object.content.length);
    offset = deflater.deflateInto(object.content, out, offset);
    ends.push(offset);
  }
  return { bytes: out.subarray(0, offset), ends };
}

function nobleSha1(): IncrementalSha1 {
  const hash = sha1.create();
  return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest() };
}

/** Encodes objects as a version 2 pack in one go (see {@link PackEncoder}). */
export function encodePack(objects: readonly GitObject[], options: EncodePackOptions = {}): Uint8Array {
  const encoder = new PackEncoder(objects.length, options);
  try {
    return concatBytes([encoder.header(), encoder.encode(objects), encoder.finish()]);
  } catch (error) {
    encoder.abandon();
    throw error;
  }
}
