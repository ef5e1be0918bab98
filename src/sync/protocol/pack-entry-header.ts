import { oidFromBytes, type Oid } from '../../store/index.ts';
import { ProtocolError } from './errors.ts';
import { OFS_DELTA, PACK_HEADER_BYTES, PACK_SIGNATURE, PACK_TRAILER_BYTES, REF_DELTA } from './pack-format.ts';

/** The header of one pack entry. */
export interface EntryHeader {
  /** 1-4 for whole objects, {@link OFS_DELTA} or {@link REF_DELTA}. */
  typeCode: number;
  /** Inflated size: of the object, or of the delta for a delta entry. */
  size: number;
  /** For OFS_DELTA: the pack offset of the base entry. */
  baseOffset?: number;
  /** For REF_DELTA: the base's id, 40 hex digits. */
  baseOid?: Oid;
  /** Bytes the header takes; the zlib stream starts right after it. */
  length: number;
}

/** Bytes after an entry's start that always hold its whole header: 10 of type and size, 20 of a base id. */
export const MAX_ENTRY_HEADER_BYTES = 32;

/** Fewest bytes an entry can take: a 1-byte header and an 8-byte empty zlib stream. */
const MIN_ENTRY_BYTES = 9;

function fail(problem: string, offset?: number): never {
  throw new ProtocolError('pack', problem, offset === undefined ? {} : { offset });
}

/**
 * Checks the 12-byte pack header (`PACK`, version 2 or 3, object count) and returns the count.
 * When the pack's whole length is known (`total`), a count that could not fit in it (each entry
 * takes at least 9 bytes) is refused at once.
 */
export function readPackHeader(bytes: Uint8Array, total?: number): number {
  if (total !== undefined && total < PACK_HEADER_BYTES + PACK_TRAILER_BYTES) fail(`only ${total} bytes, too short for a pack`);
  if (PACK_SIGNATURE.some((byte, i) => bytes[i] !== byte)) fail('it does not start with "PACK"', 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, PACK_HEADER_BYTES);
  const version = view.getUint32(4);
  if (version !== 2 && version !== 3) fail(`pack version ${version}; only 2 and 3 exist`, 4);
  const count = view.getUint32(8);
  if (total === undefined) return count;
  const room = Math.floor((total - PACK_HEADER_BYTES - PACK_TRAILER_BYTES) / MIN_ENTRY_BYTES);
  if (count > room) fail(`it declares ${count} objects but its ${total} bytes hold at most ${room}`, 8);
  return count;
}

/**
 * Reads the entry header at `start` of `bytes` (no further than `limit`), which lies at `offset`
 * in the pack: type and size varint, then the base of a delta (a backwards offset for
 * OFS_DELTA, a 20-byte id for REF_DELTA). Sizes over `maxSize` are refused as soon as they are
 * seen, before anything is allocated. Every header has the same fields (a base it lacks is
 * undefined), so the code reading them sees one shape: this runs for every entry of a pack.
 */
export function readEntryHeader(bytes: Uint8Array, start: number, limit: number, maxSize: number, offset: number): EntryHeader {
  let at = start;
  if (at >= limit) cutShort(offset);
  let byte = bytes[at++] as number;
  const typeCode = (byte >> 4) & 7;
  if (typeCode === 0 || typeCode === 5) fail(`object type ${typeCode}, which does not exist`, offset);
  let size = byte & 15;
  for (let scale = 16; byte & 0x80; scale *= 128) {
    if (at >= limit) cutShort(offset);
    byte = bytes[at++] as number;
    size += (byte & 0x7f) * scale;
    if (size > maxSize) fail(`an object of ${size} bytes or more, over the ${maxSize}-byte limit`, offset);
    if (scale > 2 ** 45) fail('an object size that does not fit in 7 bytes', offset);
  }
  if (size > maxSize) fail(`an object of ${size} bytes, over the ${maxSize}-byte limit`, offset);
  if (typeCode === OFS_DELTA) {
    if (at >= limit) cutShort(offset);
    byte = bytes[at++] as number;
    let distance = byte & 0x7f;
    while (byte & 0x80) {
      if (at >= limit) cutShort(offset);
      byte = bytes[at++] as number;
      distance = (distance + 1) * 128 + (byte & 0x7f);
      if (distance > offset) break;
    }
    if (distance === 0 || distance > offset - PACK_HEADER_BYTES) fail(`a delta whose base offset (-${distance}) is outside the pack`, offset);
    return { typeCode, size, baseOffset: offset - distance, baseOid: undefined, length: at - start };
  }
  if (typeCode === REF_DELTA) {
    if (at + 20 > limit) fail('the pack is cut short inside a delta base id', offset);
    const baseOid = oidFromBytes(bytes, at);
    return { typeCode, size, baseOffset: undefined, baseOid, length: at + 20 - start };
  }
  return { typeCode, size, baseOffset: undefined, baseOid: undefined, length: at - start };
}

function cutShort(offset: number): never {
  fail('the pack is cut short inside an object header', offset);
}
