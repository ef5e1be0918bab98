import { sha1 } from '@noble/hashes/legacy.js';
import type { GitObject } from '../../store/index.ts';
import { createDeflater, deflateBound } from './deflate-into.ts';
import { PACK_HEADER_BYTES, PACK_SIGNATURE, PACK_TRAILER_BYTES, TYPE_CODES, writeEntryHeader } from './pack-format.ts';

/** Options of {@link encodePack}. */
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
 * Encodes objects as a version 2 pack, each whole (no deltas): the `PACK` header and count,
 * per object its type/size header and zlib stream, then the SHA-1 of everything before it.
 * zlib writes straight into one buffer sized by its bound, reusing its state between
 * objects, so 10,000 small objects cost no per-object allocation; one copy trims the end.
 */
export function encodePack(objects: readonly GitObject[], options: EncodePackOptions = {}): Uint8Array {
  if (objects.length > 0xffffffff) throw new RangeError(`A pack holds at most 2^32-1 objects, got ${objects.length}`);
  let capacity = PACK_HEADER_BYTES + PACK_TRAILER_BYTES;
  for (const object of objects) capacity += MAX_ENTRY_HEADER + deflateBound(object.content.length);
  const out = new Uint8Array(capacity);
  const view = new DataView(out.buffer);
  out.set(PACK_SIGNATURE, 0);
  view.setUint32(4, 2);
  view.setUint32(8, objects.length);
  let offset = PACK_HEADER_BYTES;
  const deflater = createDeflater(options.level ?? 1);
  try {
    for (const object of objects) {
      offset = writeEntryHeader(out, offset, TYPE_CODES[object.type], object.content.length);
      offset = deflater.deflateInto(object.content, out, offset);
    }
  } finally {
    deflater.end();
  }
  out.set(sha1(out.subarray(0, offset)), offset);
  return out.slice(0, offset + PACK_TRAILER_BYTES);
}
