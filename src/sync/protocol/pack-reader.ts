import { sha1 } from '@noble/hashes/legacy.js';
import { ProtocolError } from './errors.ts';
import { createEntryInflater } from './inflate-entry.ts';
import { readEntryHeader, readPackHeader } from './pack-entry-header.ts';
import { DEFAULT_MAX_OBJECT_BYTES, PACK_HEADER_BYTES, PACK_TRAILER_BYTES } from './pack-format.ts';
import { resolveDeltas, type InflatedEntry, type PackObject, type ResolveBase } from './resolve-deltas.ts';

/** Options of {@link parsePack}. */
export interface ParsePackOptions {
  /** Refuse any object (or delta) larger than this; default 100 MiB. */
  maxObjectBytes?: number;
  /** Refuse a pack whose objects add up to more than this; default 1 GiB. */
  maxTotalBytes?: number;
}

/** Default for `maxTotalBytes`: 1 GiB, more than a browser tab should hold at once anyway. */
export const DEFAULT_MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/**
 * Reads a whole pack (version 2 or 3) into objects with their ids, in pack order. Checks the
 * signature, version, object count and trailing SHA-1; inflates each entry into exactly its
 * declared size; applies OFS_DELTA and REF_DELTA entries, chains included, asking
 * `resolveBase` only for bases the pack lacks (a thin pack's) and checking that what it
 * returns hashes to the id asked for. Anything malformed is a ProtocolError saying what.
 * Synchronous apart from `resolveBase`: give big packs to a worker.
 */
export async function parsePack(bytes: Uint8Array, resolveBase: ResolveBase, options: ParsePackOptions = {}): Promise<PackObject[]> {
  const maxObjectBytes = options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES;
  const maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const count = readPackHeader(bytes);
  const limit = bytes.length - PACK_TRAILER_BYTES;
  const entries: InflatedEntry[] = [];
  const inflater = createEntryInflater();
  let offset = PACK_HEADER_BYTES;
  let total = 0;
  try {
    for (let i = 0; i < count; i++) {
      const header = readEntryHeader(bytes, offset, limit, maxObjectBytes);
      total += header.size;
      if (total > maxTotalBytes) throw new ProtocolError('pack', `its objects add up to more than the ${maxTotalBytes}-byte limit`, { offset });
      const { data, end } = inflater.inflateEntry(bytes, header.dataOffset, limit, header.size);
      entries.push({ offset, typeCode: header.typeCode, data, baseOffset: header.baseOffset, baseOid: header.baseOid });
      offset = end;
    }
  } finally {
    inflater.end();
  }
  if (offset !== limit) {
    throw new ProtocolError('pack', `${limit - offset} bytes after its ${count} objects where the checksum should start`, { offset });
  }
  const expected = sha1(bytes.subarray(0, limit));
  if (expected.some((byte, i) => bytes[limit + i] !== byte)) {
    throw new ProtocolError('pack', 'its SHA-1 checksum does not match its contents (corrupted in transit?)', { offset: limit });
  }
  return resolveDeltas(entries, resolveBase, { maxObjectBytes, maxTotalBytes: maxTotalBytes - total });
}
