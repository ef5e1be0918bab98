// Raw DEFLATE (RFC 1951) decoder in AssemblyScript, compiled to WebAssembly by
// scripts/build-wasm.ts into src/sync/protocol/inflate-wasm-binary.ts (loaded by wasm-inflater.ts).
//
// The caller copies compressed input into the input area and calls `inflate(inputLength)`; the
// output goes into the output area, sized by `begin` to exactly what the stream must inflate to.
// The decoder is resumable at symbol boundaries: when input runs out it keeps its state (mode,
// tables, < 8 pending bits) and reports how much input it used, so the caller keeps the rest (a
// few bytes of a symbol, or a block header not yet whole) and appends more. When the stream ends
// it reports where, so the caller knows where the next pack entry starts.
//
// Techniques (from RFC 1951 and the documented designs of zlib and libdeflate): canonical Huffman
// codes decoded through one multi-bit lookup table per code (10 bits for literals/lengths, 8 for
// distances) with second-level tables for longer codes; a 64-bit bit buffer refilled 8 bytes at a
// time on the fast path; match copies 8 bytes at a time when the distance allows. Tables live at
// fixed places in memory and are rebuilt only for dynamic blocks: nothing is allocated per stream.
import { DONE, INPUT, INPUT_CAPACITY, MODE_DONE, MODE_HEADER, MODE_HUFFMAN, MODE_STORED, NEED_MORE, OUTPUT, OUTPUT_SLACK, PAGE, Stream } from './layout';
import { copyStored, readBlockHeader } from './blocks';
import { decodeHuffman } from './huffman';
import { prepare } from './tables';

/** Where the caller writes compressed input. */
export function inputStart(): usize {
  return INPUT;
}

/** How many bytes the input area holds. */
export function inputCapacity(): u32 {
  return INPUT_CAPACITY;
}

/** Where the inflated bytes are written. */
export function outputStart(): usize {
  return OUTPUT;
}

/** Input bytes the last `inflate` used: the caller keeps the rest for the next call. */
export function inputUsed(): u32 {
  return <u32>(Stream.inPos - INPUT);
}

/** Bytes inflated so far. */
export function outputLength(): u32 {
  return <u32>(Stream.outPos - OUTPUT);
}

/** Starts a stream that must inflate to `size` bytes; false if memory cannot grow to hold them. */
export function begin(size: u32): bool {
  const needed = <u64>OUTPUT + <u64>size + OUTPUT_SLACK;
  const have = <u64>memory.size() * PAGE;
  if (needed > have) {
    const pages = <i32>((needed - have + PAGE - 1) / PAGE);
    if (memory.grow(pages) < 0) return false;
  }
  Stream.mode = MODE_HEADER;
  Stream.lastBlock = false;
  Stream.storedLeft = 0;
  Stream.bitbuf = 0;
  Stream.bitcnt = 0;
  Stream.outPos = OUTPUT;
  Stream.outEnd = OUTPUT + size;
  return true;
}

/** Inflates the `length` bytes at the input area's start; returns a status (see above). */
export function inflate(length: u32): i32 {
  Stream.inPos = INPUT;
  Stream.inEnd = INPUT + length;
  let status: i32 = NEED_MORE;
  while (true) {
    if (Stream.mode == MODE_HEADER) status = readBlockHeader();
    else if (Stream.mode == MODE_STORED) status = copyStored();
    else if (Stream.mode == MODE_HUFFMAN) status = decodeHuffman();
    else status = DONE;
    if (status != 1 || Stream.mode == MODE_DONE) break;
  }
  if (status < 0) return status;
  // Whole bytes still in the bit buffer go back to the input: between calls it holds < 8 bits.
  Stream.inPos -= Stream.bitcnt >> 3;
  if (Stream.mode == MODE_DONE) {
    Stream.bitcnt = 0;
    Stream.bitbuf = 0;
    return DONE;
  }
  Stream.bitcnt &= 7;
  Stream.bitbuf &= (<u64>1 << Stream.bitcnt) - 1;
  return NEED_MORE;
}

prepare();
