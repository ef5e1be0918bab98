/**
 * Test-only: builds packs entry by entry, including malformed ones (wrong sizes, bad deltas),
 * with a correct count and checksum so the parser's deeper checks are the ones that fire.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { deflate } from 'pako';
import { OFS_DELTA, PACK_HEADER_BYTES, REF_DELTA, writeEntryHeader } from '../../src/sync/protocol/pack-format.ts';
import { concatBytes } from '../../src/store/index.ts';

/** One entry to write; `size` defaults to the true size of `data`. */
export type TestEntry =
  | { typeCode: 1 | 2 | 3 | 4; data: Uint8Array; size?: number }
  | { typeCode: typeof OFS_DELTA; baseIndex: number; data: Uint8Array; size?: number }
  | { typeCode: typeof REF_DELTA; baseOid: string; data: Uint8Array; size?: number };

/** Writes a version 2 pack of `entries`, each zlib-compressed, with its SHA-1 trailer. */
export function buildTestPack(entries: readonly TestEntry[], count = entries.length): Uint8Array {
  const header = new Uint8Array(PACK_HEADER_BYTES);
  header.set([0x50, 0x41, 0x43, 0x4b], 0);
  new DataView(header.buffer).setUint32(4, 2);
  new DataView(header.buffer).setUint32(8, count);
  const parts: Uint8Array[] = [header];
  const offsets: number[] = [];
  let offset = PACK_HEADER_BYTES;
  for (const entry of entries) {
    offsets.push(offset);
    const head = new Uint8Array(32);
    let end = writeEntryHeader(head, 0, entry.typeCode, entry.size ?? entry.data.length);
    if (entry.typeCode === OFS_DELTA) end = writeBaseDistance(head, end, offset - (offsets[entry.baseIndex] as number));
    const parts2 = [head.slice(0, end)];
    if (entry.typeCode === REF_DELTA) parts2.push(hexToBytes(entry.baseOid));
    parts2.push(deflate(entry.data));
    for (const part of parts2) {
      parts.push(part);
      offset += part.length;
    }
  }
  const body = concatBytes(parts);
  return concatBytes([body, sha1(body)]);
}

/** git's OFS_DELTA distance encoding: big-endian 7-bit groups, each continuation adding one. */
function writeBaseDistance(out: Uint8Array, at: number, distance: number): number {
  const bytes = [distance & 0x7f];
  for (let rest = Math.floor(distance / 128); rest > 0; rest = Math.floor(rest / 128)) {
    rest -= 1;
    bytes.unshift(0x80 | (rest & 0x7f));
  }
  out.set(bytes, at);
  return at + bytes.length;
}

/** A delta header: base size and result size as 7-bit little-endian varints. */
export function deltaHeader(baseSize: number, targetSize: number): number[] {
  const varint = (value: number): number[] => {
    const out: number[] = [];
    do {
      const low = value % 128;
      value = Math.floor(value / 128);
      out.push((value > 0 ? 0x80 : 0) | low);
    } while (value > 0);
    return out;
  };
  return [...varint(baseSize), ...varint(targetSize)];
}

/** A copy instruction taking `size` bytes (1..0xffffff) of the base from `offset`. */
export function copyOp(offset: number, size: number): number[] {
  let op = 0x80;
  const args: number[] = [];
  for (let i = 0; i < 4; i++) {
    const byte = Math.floor(offset / 2 ** (8 * i)) & 0xff;
    if (byte) {
      op |= 1 << i;
      args.push(byte);
    }
  }
  for (let i = 0; i < 3; i++) {
    const byte = (size >> (8 * i)) & 0xff;
    if (byte) {
      op |= 1 << (4 + i);
      args.push(byte);
    }
  }
  return [op, ...args];
}

/** An insert instruction of 1..127 literal bytes. */
export function insertOp(bytes: readonly number[]): number[] {
  return [bytes.length, ...bytes];
}

/** Rewrites a pack's SHA-1 trailer after a test has tampered with its body. */
export function resealPack(pack: Uint8Array): Uint8Array {
  pack.set(sha1(pack.subarray(0, pack.length - 20)), pack.length - 20);
  return pack;
}
