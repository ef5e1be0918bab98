// SHA-1 (FIPS 180-4) in AssemblyScript, compiled to WebAssembly by scripts/build-wasm.ts into
// src/sync/protocol/sha1-wasm-binary.ts (loaded by wasm-sha1.ts): a pack's objects and its
// trailing checksum. Two states in this module's memory, so one instance serves an object's hash
// and a running one (whose state the caller may also keep outside and copy back in). The caller
// copies its input into the input area, `update`s a state with it, and reads the 20-byte digest
// `final` writes.

/** Bytes of a state: h0-h4, then the bytes hashed so far (u64), the bytes waiting in `block`, and a 64-byte block. */
const STATE_BYTES: usize = 128;
const STATES: usize = 8192;
const STATE_COUNT: u32 = 2;
const LENGTH_AT: usize = 24;
const WAITING_AT: usize = 32;
const BLOCK_AT: usize = 64;
const DIGEST: usize = 12288;
const INPUT: usize = 65536;
const INPUT_CAPACITY: u32 = 65536;

/** Where the caller writes input for {@link update}. */
export function inputStart(): usize {
  return INPUT;
}

/** Bytes the input area holds. */
export function inputCapacity(): u32 {
  return INPUT_CAPACITY;
}

/** Where state `state` lies (STATE_BYTES of it), for a caller that keeps it outside between updates. */
export function stateStart(state: u32): usize {
  return stateAt(state);
}

/** Bytes of a state. */
export function stateBytes(): u32 {
  return <u32>STATE_BYTES;
}

/** Where {@link final} writes the digest. */
export function digestStart(): usize {
  return DIGEST;
}

function stateAt(state: u32): usize {
  return STATES + <usize>(state % STATE_COUNT) * STATE_BYTES;
}

/** Starts a new hash in `state` (0 or 1). */
export function init(state: u32): void {
  const at = stateAt(state);
  store<u32>(at, 0x67452301);
  store<u32>(at + 4, 0xefcdab89);
  store<u32>(at + 8, 0x98badcfe);
  store<u32>(at + 12, 0x10325476);
  store<u32>(at + 16, 0xc3d2e1f0);
  store<u64>(at + LENGTH_AT, 0);
  store<u32>(at + WAITING_AT, 0);
}

// One round: `e` gains the round's sum, `b` turns; the caller rotates the names (a b c d e).
// @inline keeps every variable in a local: rounds written out this way run twice as fast as
// a loop over a schedule in memory (9.2 MB: 13.5 against 25 ms in Node), and summing the word
// and constant first, the rotation last, another 8 % (12.5 ms; hash-wasm's C 12.1 ms).
@inline function ch(b: u32, c: u32, d: u32): u32 {
  return d ^ (b & (c ^ d));
}
@inline function parity(b: u32, c: u32, d: u32): u32 {
  return b ^ c ^ d;
}
@inline function majority(b: u32, c: u32, d: u32): u32 {
  return (b & c) | (d & (b | c));
}
@inline function word(block: usize, i: usize): u32 {
  return bswap<u32>(load<u32>(block + i * 4));
}

/** Compresses the 64-byte block at `block` into the state at `at`. */
function compress(at: usize, block: usize): void {
  let w0 = word(block, 0);
  let w1 = word(block, 1);
  let w2 = word(block, 2);
  let w3 = word(block, 3);
  let w4 = word(block, 4);
  let w5 = word(block, 5);
  let w6 = word(block, 6);
  let w7 = word(block, 7);
  let w8 = word(block, 8);
  let w9 = word(block, 9);
  let w10 = word(block, 10);
  let w11 = word(block, 11);
  let w12 = word(block, 12);
  let w13 = word(block, 13);
  let w14 = word(block, 14);
  let w15 = word(block, 15);
  let a = load<u32>(at);
  let b = load<u32>(at + 4);
  let c = load<u32>(at + 8);
  let d = load<u32>(at + 12);
  let e = load<u32>(at + 16);
  e += w0 + 0x5a827999 + ch(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  d += w1 + 0x5a827999 + ch(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  c += w2 + 0x5a827999 + ch(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  b += w3 + 0x5a827999 + ch(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  a += w4 + 0x5a827999 + ch(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  e += w5 + 0x5a827999 + ch(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  d += w6 + 0x5a827999 + ch(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  c += w7 + 0x5a827999 + ch(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  b += w8 + 0x5a827999 + ch(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  a += w9 + 0x5a827999 + ch(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  e += w10 + 0x5a827999 + ch(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  d += w11 + 0x5a827999 + ch(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  c += w12 + 0x5a827999 + ch(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  b += w13 + 0x5a827999 + ch(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  a += w14 + 0x5a827999 + ch(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  e += w15 + 0x5a827999 + ch(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  d += w0 + 0x5a827999 + ch(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  c += w1 + 0x5a827999 + ch(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  b += w2 + 0x5a827999 + ch(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  a += w3 + 0x5a827999 + ch(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  e += w4 + 0x6ed9eba1 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  d += w5 + 0x6ed9eba1 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  c += w6 + 0x6ed9eba1 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  b += w7 + 0x6ed9eba1 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  a += w8 + 0x6ed9eba1 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  e += w9 + 0x6ed9eba1 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  d += w10 + 0x6ed9eba1 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  c += w11 + 0x6ed9eba1 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  b += w12 + 0x6ed9eba1 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  a += w13 + 0x6ed9eba1 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  e += w14 + 0x6ed9eba1 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  d += w15 + 0x6ed9eba1 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  c += w0 + 0x6ed9eba1 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  b += w1 + 0x6ed9eba1 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  a += w2 + 0x6ed9eba1 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  e += w3 + 0x6ed9eba1 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  d += w4 + 0x6ed9eba1 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  c += w5 + 0x6ed9eba1 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  b += w6 + 0x6ed9eba1 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  a += w7 + 0x6ed9eba1 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  e += w8 + 0x8f1bbcdc + majority(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  d += w9 + 0x8f1bbcdc + majority(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  c += w10 + 0x8f1bbcdc + majority(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  b += w11 + 0x8f1bbcdc + majority(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  a += w12 + 0x8f1bbcdc + majority(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  e += w13 + 0x8f1bbcdc + majority(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  d += w14 + 0x8f1bbcdc + majority(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  c += w15 + 0x8f1bbcdc + majority(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  b += w0 + 0x8f1bbcdc + majority(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  a += w1 + 0x8f1bbcdc + majority(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  e += w2 + 0x8f1bbcdc + majority(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  d += w3 + 0x8f1bbcdc + majority(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  c += w4 + 0x8f1bbcdc + majority(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  b += w5 + 0x8f1bbcdc + majority(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  a += w6 + 0x8f1bbcdc + majority(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  e += w7 + 0x8f1bbcdc + majority(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  d += w8 + 0x8f1bbcdc + majority(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  c += w9 + 0x8f1bbcdc + majority(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  b += w10 + 0x8f1bbcdc + majority(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  a += w11 + 0x8f1bbcdc + majority(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  e += w12 + 0xca62c1d6 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  d += w13 + 0xca62c1d6 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  c += w14 + 0xca62c1d6 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  b += w15 + 0xca62c1d6 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  a += w0 + 0xca62c1d6 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  e += w1 + 0xca62c1d6 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  d += w2 + 0xca62c1d6 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  c += w3 + 0xca62c1d6 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  b += w4 + 0xca62c1d6 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  a += w5 + 0xca62c1d6 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  e += w6 + 0xca62c1d6 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  d += w7 + 0xca62c1d6 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  c += w8 + 0xca62c1d6 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  b += w9 + 0xca62c1d6 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  a += w10 + 0xca62c1d6 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  e += w11 + 0xca62c1d6 + parity(b, c, d) + rotl<u32>(a, 5);
  b = rotl<u32>(b, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  d += w12 + 0xca62c1d6 + parity(a, b, c) + rotl<u32>(e, 5);
  a = rotl<u32>(a, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  c += w13 + 0xca62c1d6 + parity(e, a, b) + rotl<u32>(d, 5);
  e = rotl<u32>(e, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  b += w14 + 0xca62c1d6 + parity(d, e, a) + rotl<u32>(c, 5);
  d = rotl<u32>(d, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  a += w15 + 0xca62c1d6 + parity(c, d, e) + rotl<u32>(b, 5);
  c = rotl<u32>(c, 30);
  store<u32>(at, load<u32>(at) + a);
  store<u32>(at + 4, load<u32>(at + 4) + b);
  store<u32>(at + 8, load<u32>(at + 8) + c);
  store<u32>(at + 12, load<u32>(at + 12) + d);
  store<u32>(at + 16, load<u32>(at + 16) + e);
}

/** Hashes `length` bytes from the input area into `state`. */
export function update(state: u32, length: u32): void {
  const at = stateAt(state);
  store<u64>(at + LENGTH_AT, load<u64>(at + LENGTH_AT) + <u64>length);
  let from = INPUT;
  const end = INPUT + <usize>length;
  let waiting = <usize>load<u32>(at + WAITING_AT);
  if (waiting > 0) {
    const take = min<usize>(64 - waiting, end - from);
    memory.copy(at + BLOCK_AT + waiting, from, take);
    waiting += take;
    from += take;
    if (waiting < 64) {
      store<u32>(at + WAITING_AT, <u32>waiting);
      return;
    }
    compress(at, at + BLOCK_AT);
  }
  for (; end - from >= 64; from += 64) compress(at, from);
  memory.copy(at + BLOCK_AT, from, end - from);
  store<u32>(at + WAITING_AT, <u32>(end - from));
}

/** Ends the hash in `state`: its 20-byte digest at {@link digestStart}. */
export function final(state: u32): void {
  const at = stateAt(state);
  const bits = load<u64>(at + LENGTH_AT) << 3;
  let waiting = <usize>load<u32>(at + WAITING_AT);
  store<u8>(at + BLOCK_AT + waiting, 0x80);
  waiting++;
  if (waiting > 56) {
    memory.fill(at + BLOCK_AT + waiting, 0, 64 - waiting);
    compress(at, at + BLOCK_AT);
    waiting = 0;
  }
  memory.fill(at + BLOCK_AT + waiting, 0, 56 - waiting);
  store<u64>(at + BLOCK_AT + 56, bswap<u64>(bits));
  compress(at, at + BLOCK_AT);
  for (let i: usize = 0; i < 5; i++) store<u32>(DIGEST + i * 4, bswap<u32>(load<u32>(at + i * 4)));
}

/** The digest of the first `length` bytes of the input area alone, in state 0: one call for a whole object. */
export function hash(length: u32): void {
  init(0);
  update(0, length);
  final(0);
}
