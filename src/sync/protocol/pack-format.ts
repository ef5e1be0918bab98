import type { ObjectType } from '../../store/index.ts';

/** `PACK`, the first four bytes of every pack. */
export const PACK_SIGNATURE = [0x50, 0x41, 0x43, 0x4b] as const;

/** Bytes of the pack header: signature, version, object count. */
export const PACK_HEADER_BYTES = 12;

/** Bytes of the SHA-1 trailer. */
export const PACK_TRAILER_BYTES = 20;

/** Type numbers of the pack entry header. 5 is reserved. */
export const TYPE_CODES: Record<ObjectType, number> = { commit: 1, tree: 2, blob: 3, tag: 4 };

/** A delta whose base is given as a negative offset within the pack. */
export const OFS_DELTA = 6;

/** A delta whose base is given by object id (in the pack, or outside it in a thin pack). */
export const REF_DELTA = 7;

/** Object types by type number (index 0, 5, 6 and 7 are not whole objects). */
export const TYPE_NAMES: ReadonlyArray<ObjectType | undefined> = [undefined, 'commit', 'tree', 'blob', 'tag'];

/** Default for `maxObjectBytes`: 100 MiB, GitHub's per-file limit. */
export const DEFAULT_MAX_OBJECT_BYTES = 100 * 1024 * 1024;

/**
 * Writes an entry header (type in bits 4-6 of the first byte, size in 4 then 7-bit groups,
 * least significant first) at `offset`; returns the offset after it. Sizes above 2^31 use
 * arithmetic, not bit operators.
 */
export function writeEntryHeader(out: Uint8Array, offset: number, typeCode: number, size: number): number {
  let rest = Math.floor(size / 16);
  out[offset++] = (rest > 0 ? 0x80 : 0) | (typeCode << 4) | (size % 16);
  while (rest > 0) {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    out[offset++] = (rest > 0 ? 0x80 : 0) | low;
  }
  return offset;
}
