// The decoder's constants, memory layout and state, shared by its parts (see inflate.ts).

// Status codes returned by `inflate` (negative: the stream is corrupt; the caller words them).
export const NEED_MORE: i32 = 0;
export const DONE: i32 = 1;
export const ERR_BLOCK_TYPE: i32 = -1;
export const ERR_STORED_LENGTHS: i32 = -2;
export const ERR_TOO_MANY_SYMBOLS: i32 = -3;
export const ERR_CODE_LENGTHS_SET: i32 = -4;
export const ERR_REPEAT: i32 = -5;
export const ERR_NO_END_OF_BLOCK: i32 = -6;
export const ERR_LITERAL_SET: i32 = -7;
export const ERR_DISTANCE_SET: i32 = -8;
export const ERR_LITERAL_CODE: i32 = -9;
export const ERR_DISTANCE_CODE: i32 = -10;
export const ERR_TOO_FAR: i32 = -11;
export const ERR_OVERFLOW: i32 = -12;
/** What an internal step returns to go on (NEED_MORE to wait for input, or an error). */
export const GO_ON: i32 = 1;

// A table entry (u32): bits 0-3 the bits it consumes, 4-7 its kind, 8-15 extra bits (or a
// subtable's index bits), 16-31 its value (literal, length or distance base, subtable start).
export const KIND_LITERAL: u32 = 0x00;
export const KIND_LENGTH: u32 = 0x10;
export const KIND_END: u32 = 0x20;
export const KIND_SUBTABLE: u32 = 0x30;
export const KIND_INVALID: u32 = 0x40;
export const KIND_DISTANCE: u32 = 0x50;
export const KIND_MASK: u32 = 0xf0;

export const LIT_BITS: u32 = 10;
export const DIST_BITS: u32 = 8;
export const CODE_LENGTH_BITS: u32 = 7;

// Memory: fixed regions above the static data, then the input area, then the output area.
export const REGION: usize = 65536;
export const LIT_TABLE: usize = REGION; // 1024 + 288 subtables of at most 32 entries
export const DIST_TABLE: usize = LIT_TABLE + 10240 * 4; // 256 + 30 subtables of at most 128 entries
export const FIXED_LIT_TABLE: usize = DIST_TABLE + 4096 * 4;
export const FIXED_DIST_TABLE: usize = FIXED_LIT_TABLE + 1024 * 4;
export const CODE_LENGTH_TABLE: usize = FIXED_DIST_TABLE + 256 * 4;
export const LIT_TEMPLATES: usize = CODE_LENGTH_TABLE + 128 * 4; // u32[288]
export const DIST_TEMPLATES: usize = LIT_TEMPLATES + 288 * 4; // u32[32]
export const CODE_LENGTH_TEMPLATES: usize = DIST_TEMPLATES + 32 * 4; // u32[19]
export const LENGTHS: usize = CODE_LENGTH_TEMPLATES + 32 * 4; // u8[320]: code lengths being read
export const COUNTS: usize = LENGTHS + 320; // u16[16]
export const OFFSETS: usize = COUNTS + 32; // u16[16]
export const SORTED: usize = OFFSETS + 32; // u16[320]
export const INPUT: usize = 131072;
export const INPUT_CAPACITY: u32 = 1 << 20;
export const OUTPUT: usize = INPUT + INPUT_CAPACITY;
/** Room past the output's end: the fast path's 8-byte stores may run up to 7 bytes over. */
export const OUTPUT_SLACK: u32 = 16;
export const PAGE: u32 = 65536;

// Block modes.
export const MODE_HEADER: u32 = 0;
export const MODE_STORED: u32 = 1;
export const MODE_HUFFMAN: u32 = 2;
export const MODE_DONE: u32 = 3;

/** The stream's state between calls (static fields: WebAssembly globals). */
export class Stream {
  static mode: u32 = MODE_HEADER;
  static lastBlock: bool = false;
  static storedLeft: u32 = 0;
  static litTable: usize = FIXED_LIT_TABLE;
  static distTable: usize = FIXED_DIST_TABLE;
  static bitbuf: u64 = 0;
  static bitcnt: u32 = 0;
  static inPos: usize = INPUT;
  static inEnd: usize = INPUT;
  static outPos: usize = OUTPUT;
  static outEnd: usize = OUTPUT;
}

/** Moves input bytes into the bit buffer, one at a time, while they fit. */
@inline export function refillSlowly(): void {
  while (Stream.bitcnt < 56 && Stream.inPos < Stream.inEnd) {
    Stream.bitbuf |= <u64>load<u8>(Stream.inPos) << Stream.bitcnt;
    Stream.inPos++;
    Stream.bitcnt += 8;
  }
}

@inline export function consume(n: u32): void {
  Stream.bitbuf >>= n;
  Stream.bitcnt -= n;
}

@inline export function peek(n: u32): u32 {
  return <u32>Stream.bitbuf & ((<u32>1 << n) - 1);
}

/** The entry a subtable `entry` points to, for the bits after the primary table's. */
@inline export function subtableEntry(table: usize, entry: u32, buf: u64): u32 {
  return load<u32>(table + ((<usize>(entry >> 16) + <usize>(<u32>buf & ((<u32>1 << ((entry >> 8) & 0xff)) - 1))) << 2));
}
