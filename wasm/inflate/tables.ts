// Huffman lookup tables: built from code lengths into fixed places in memory, never allocated.
import { CODE_LENGTH_TEMPLATES, COUNTS, DIST_BITS, DIST_TEMPLATES, FIXED_DIST_TABLE, FIXED_LIT_TABLE, KIND_DISTANCE, KIND_END, KIND_INVALID, KIND_LENGTH, KIND_LITERAL, KIND_SUBTABLE, LENGTHS, LIT_BITS, LIT_TEMPLATES, OFFSETS, SORTED } from './layout';

export const LENGTH_BASE = memory.data<u16>([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]);
export const LENGTH_EXTRA = memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
export const DIST_BASE = memory.data<u16>([1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]);
export const DIST_EXTRA = memory.data<u8>([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
export const CODE_LENGTH_ORDER = memory.data<u8>([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/** Reverses the low `length` bits of `code`: deflate sends a Huffman code's first bit first. */
@inline export function reverseBits(code: u32, length: u32): u32 {
  let v = code;
  v = ((v >> 1) & 0x5555) | ((v & 0x5555) << 1);
  v = ((v >> 2) & 0x3333) | ((v & 0x3333) << 2);
  v = ((v >> 4) & 0x0f0f) | ((v & 0x0f0f) << 4);
  v = ((v >> 8) & 0x00ff) | ((v & 0x00ff) << 8);
  return v >> (16 - length);
}

/**
 * Builds the lookup table of the canonical Huffman code whose `n` code lengths are at `lengths`.
 * Every index of the primary table (`primaryBits` wide) holds the entry of the code its low bits
 * start with; codes longer than that point to a subtable indexed by their remaining bits. False
 * for an over-subscribed code, or an incomplete one unless `allowIncomplete` and it is a single
 * code of one bit (or none), as zlib allows for a block with one distance or none.
 */
export function buildTable(lengths: usize, n: u32, templates: usize, table: usize, primaryBits: u32, allowIncomplete: bool): bool {
  for (let len: u32 = 0; len < 16; len++) store<u16>(COUNTS + (len << 1), 0);
  for (let s: u32 = 0; s < n; s++) {
    const at = COUNTS + (<usize>load<u8>(lengths + s) << 1);
    store<u16>(at, load<u16>(at) + 1);
  }
  let maxLength: u32 = 15;
  while (maxLength > 0 && load<u16>(COUNTS + (maxLength << 1)) == 0) maxLength--;
  let left: i32 = 1;
  for (let len: u32 = 1; len <= 15; len++) {
    left = (left << 1) - <i32>load<u16>(COUNTS + (len << 1));
    if (left < 0) return false;
  }
  const primarySize: u32 = 1 << primaryBits;
  if (left > 0) {
    if (!allowIncomplete || maxLength > 1) return false;
    for (let j: u32 = 0; j < primarySize; j++) store<u32>(table + (j << 2), KIND_INVALID | 1);
  }
  store<u16>(OFFSETS + 2, 0);
  for (let len: u32 = 1; len < 15; len++) {
    store<u16>(OFFSETS + ((len + 1) << 1), load<u16>(OFFSETS + (len << 1)) + load<u16>(COUNTS + (len << 1)));
  }
  for (let s: u32 = 0; s < n; s++) {
    const len = <usize>load<u8>(lengths + s);
    if (len == 0) continue;
    const at = OFFSETS + (len << 1);
    const slot = load<u16>(at);
    store<u16>(SORTED + (<usize>slot << 1), <u16>s);
    store<u16>(at, slot + 1);
  }
  const subBits: u32 = maxLength > primaryBits ? maxLength - primaryBits : 0;
  const primaryMask = primarySize - 1;
  let nextSubtable: u32 = primarySize;
  let subtable: u32 = 0;
  let lastPrefix: i32 = -1;
  let code: u32 = 0;
  let k: u32 = 0;
  for (let len: u32 = 1; len <= maxLength; len++) {
    const count = <u32>load<u16>(COUNTS + (len << 1));
    for (let c: u32 = 0; c < count; c++) {
      const symbol = <usize>load<u16>(SORTED + (<usize>k << 1));
      k++;
      const reversed = reverseBits(code, len);
      code++;
      const template = load<u32>(templates + (symbol << 2));
      if (len <= primaryBits) {
        const entry = template | len;
        for (let j = reversed; j < primarySize; j += <u32>1 << len) store<u32>(table + (<usize>j << 2), entry);
        continue;
      }
      // Canonical codes rise, so codes sharing a prefix come together: a new prefix, a new subtable.
      const prefix = reversed & primaryMask;
      if (<i32>prefix != lastPrefix) {
        lastPrefix = <i32>prefix;
        subtable = nextSubtable;
        nextSubtable += <u32>1 << subBits;
        store<u32>(table + (<usize>prefix << 2), (subtable << 16) | (subBits << 8) | KIND_SUBTABLE | primaryBits);
      }
      const subLength = len - primaryBits;
      const entry = template | subLength;
      for (let j = reversed >> primaryBits; j < (<u32>1 << subBits); j += <u32>1 << subLength) {
        store<u32>(table + ((<usize>subtable + j) << 2), entry);
      }
    }
    code <<= 1;
  }
  return true;
}


/** The entry templates of every symbol, and the fixed block's tables (RFC 1951, 3.2.6). */
export function prepare(): void {
  for (let s: u32 = 0; s < 256; s++) store<u32>(LIT_TEMPLATES + (s << 2), (s << 16) | KIND_LITERAL);
  store<u32>(LIT_TEMPLATES + (256 << 2), KIND_END);
  for (let s: u32 = 257; s < 286; s++) {
    const i = s - 257;
    store<u32>(LIT_TEMPLATES + (s << 2), (<u32>load<u16>(LENGTH_BASE + (i << 1)) << 16) | (<u32>load<u8>(LENGTH_EXTRA + i) << 8) | KIND_LENGTH);
  }
  store<u32>(LIT_TEMPLATES + (286 << 2), KIND_INVALID);
  store<u32>(LIT_TEMPLATES + (287 << 2), KIND_INVALID);
  for (let s: u32 = 0; s < 30; s++) {
    store<u32>(DIST_TEMPLATES + (s << 2), (<u32>load<u16>(DIST_BASE + (s << 1)) << 16) | (<u32>load<u8>(DIST_EXTRA + s) << 8) | KIND_DISTANCE);
  }
  store<u32>(DIST_TEMPLATES + (30 << 2), KIND_INVALID);
  store<u32>(DIST_TEMPLATES + (31 << 2), KIND_INVALID);
  for (let s: u32 = 0; s < 19; s++) store<u32>(CODE_LENGTH_TEMPLATES + (s << 2), s << 16);
  for (let s: u32 = 0; s < 288; s++) store<u8>(LENGTHS + s, s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8);
  buildTable(LENGTHS, 288, LIT_TEMPLATES, FIXED_LIT_TABLE, LIT_BITS, false);
  for (let s: u32 = 0; s < 32; s++) store<u8>(LENGTHS + s, 5);
  buildTable(LENGTHS, 32, DIST_TEMPLATES, FIXED_DIST_TABLE, DIST_BITS, false);
}
