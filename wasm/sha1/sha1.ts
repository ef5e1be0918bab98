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
// a loop over a schedule in memory (9.2 MB: 12 against 25 ms in Node).
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
  e += rotl<u32>(a, 5) + ch(b, c, d) + 0x5a827999 + w0;
  b = rotl<u32>(b, 30);
  d += rotl<u32>(e, 5) + ch(a, b, c) + 0x5a827999 + w1;
  a = rotl<u32>(a, 30);
  c += rotl<u32>(d, 5) + ch(e, a, b) + 0x5a827999 + w2;
  e = rotl<u32>(e, 30);
  b += rotl<u32>(c, 5) + ch(d, e, a) + 0x5a827999 + w3;
  d = rotl<u32>(d, 30);
  a += rotl<u32>(b, 5) + ch(c, d, e) + 0x5a827999 + w4;
  c = rotl<u32>(c, 30);
  e += rotl<u32>(a, 5) + ch(b, c, d) + 0x5a827999 + w5;
  b = rotl<u32>(b, 30);
  d += rotl<u32>(e, 5) + ch(a, b, c) + 0x5a827999 + w6;
  a = rotl<u32>(a, 30);
  c += rotl<u32>(d, 5) + ch(e, a, b) + 0x5a827999 + w7;
  e = rotl<u32>(e, 30);
  b += rotl<u32>(c, 5) + ch(d, e, a) + 0x5a827999 + w8;
  d = rotl<u32>(d, 30);
  a += rotl<u32>(b, 5) + ch(c, d, e) + 0x5a827999 + w9;
  c = rotl<u32>(c, 30);
  e += rotl<u32>(a, 5) + ch(b, c, d) + 0x5a827999 + w10;
  b = rotl<u32>(b, 30);
  d += rotl<u32>(e, 5) + ch(a, b, c) + 0x5a827999 + w11;
  a = rotl<u32>(a, 30);
  c += rotl<u32>(d, 5) + ch(e, a, b) + 0x5a827999 + w12;
  e = rotl<u32>(e, 30);
  b += rotl<u32>(c, 5) + ch(d, e, a) + 0x5a827999 + w13;
  d = rotl<u32>(d, 30);
  a += rotl<u32>(b, 5) + ch(c, d, e) + 0x5a827999 + w14;
  c = rotl<u32>(c, 30);
  e += rotl<u32>(a, 5) + ch(b, c, d) + 0x5a827999 + w15;
  b = rotl<u32>(b, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  d += rotl<u32>(e, 5) + ch(a, b, c) + 0x5a827999 + w0;
  a = rotl<u32>(a, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  c += rotl<u32>(d, 5) + ch(e, a, b) + 0x5a827999 + w1;
  e = rotl<u32>(e, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  b += rotl<u32>(c, 5) + ch(d, e, a) + 0x5a827999 + w2;
  d = rotl<u32>(d, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  a += rotl<u32>(b, 5) + ch(c, d, e) + 0x5a827999 + w3;
  c = rotl<u32>(c, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0x6ed9eba1 + w4;
  b = rotl<u32>(b, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0x6ed9eba1 + w5;
  a = rotl<u32>(a, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0x6ed9eba1 + w6;
  e = rotl<u32>(e, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0x6ed9eba1 + w7;
  d = rotl<u32>(d, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0x6ed9eba1 + w8;
  c = rotl<u32>(c, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0x6ed9eba1 + w9;
  b = rotl<u32>(b, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0x6ed9eba1 + w10;
  a = rotl<u32>(a, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0x6ed9eba1 + w11;
  e = rotl<u32>(e, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0x6ed9eba1 + w12;
  d = rotl<u32>(d, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0x6ed9eba1 + w13;
  c = rotl<u32>(c, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0x6ed9eba1 + w14;
  b = rotl<u32>(b, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0x6ed9eba1 + w15;
  a = rotl<u32>(a, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0x6ed9eba1 + w0;
  e = rotl<u32>(e, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0x6ed9eba1 + w1;
  d = rotl<u32>(d, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0x6ed9eba1 + w2;
  c = rotl<u32>(c, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0x6ed9eba1 + w3;
  b = rotl<u32>(b, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0x6ed9eba1 + w4;
  a = rotl<u32>(a, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0x6ed9eba1 + w5;
  e = rotl<u32>(e, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0x6ed9eba1 + w6;
  d = rotl<u32>(d, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0x6ed9eba1 + w7;
  c = rotl<u32>(c, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  e += rotl<u32>(a, 5) + majority(b, c, d) + 0x8f1bbcdc + w8;
  b = rotl<u32>(b, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  d += rotl<u32>(e, 5) + majority(a, b, c) + 0x8f1bbcdc + w9;
  a = rotl<u32>(a, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  c += rotl<u32>(d, 5) + majority(e, a, b) + 0x8f1bbcdc + w10;
  e = rotl<u32>(e, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  b += rotl<u32>(c, 5) + majority(d, e, a) + 0x8f1bbcdc + w11;
  d = rotl<u32>(d, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  a += rotl<u32>(b, 5) + majority(c, d, e) + 0x8f1bbcdc + w12;
  c = rotl<u32>(c, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  e += rotl<u32>(a, 5) + majority(b, c, d) + 0x8f1bbcdc + w13;
  b = rotl<u32>(b, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  d += rotl<u32>(e, 5) + majority(a, b, c) + 0x8f1bbcdc + w14;
  a = rotl<u32>(a, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  c += rotl<u32>(d, 5) + majority(e, a, b) + 0x8f1bbcdc + w15;
  e = rotl<u32>(e, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  b += rotl<u32>(c, 5) + majority(d, e, a) + 0x8f1bbcdc + w0;
  d = rotl<u32>(d, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  a += rotl<u32>(b, 5) + majority(c, d, e) + 0x8f1bbcdc + w1;
  c = rotl<u32>(c, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  e += rotl<u32>(a, 5) + majority(b, c, d) + 0x8f1bbcdc + w2;
  b = rotl<u32>(b, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  d += rotl<u32>(e, 5) + majority(a, b, c) + 0x8f1bbcdc + w3;
  a = rotl<u32>(a, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  c += rotl<u32>(d, 5) + majority(e, a, b) + 0x8f1bbcdc + w4;
  e = rotl<u32>(e, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  b += rotl<u32>(c, 5) + majority(d, e, a) + 0x8f1bbcdc + w5;
  d = rotl<u32>(d, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  a += rotl<u32>(b, 5) + majority(c, d, e) + 0x8f1bbcdc + w6;
  c = rotl<u32>(c, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  e += rotl<u32>(a, 5) + majority(b, c, d) + 0x8f1bbcdc + w7;
  b = rotl<u32>(b, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  d += rotl<u32>(e, 5) + majority(a, b, c) + 0x8f1bbcdc + w8;
  a = rotl<u32>(a, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  c += rotl<u32>(d, 5) + majority(e, a, b) + 0x8f1bbcdc + w9;
  e = rotl<u32>(e, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  b += rotl<u32>(c, 5) + majority(d, e, a) + 0x8f1bbcdc + w10;
  d = rotl<u32>(d, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  a += rotl<u32>(b, 5) + majority(c, d, e) + 0x8f1bbcdc + w11;
  c = rotl<u32>(c, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0xca62c1d6 + w12;
  b = rotl<u32>(b, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0xca62c1d6 + w13;
  a = rotl<u32>(a, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0xca62c1d6 + w14;
  e = rotl<u32>(e, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0xca62c1d6 + w15;
  d = rotl<u32>(d, 30);
  w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0xca62c1d6 + w0;
  c = rotl<u32>(c, 30);
  w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0xca62c1d6 + w1;
  b = rotl<u32>(b, 30);
  w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0xca62c1d6 + w2;
  a = rotl<u32>(a, 30);
  w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0xca62c1d6 + w3;
  e = rotl<u32>(e, 30);
  w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0xca62c1d6 + w4;
  d = rotl<u32>(d, 30);
  w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0xca62c1d6 + w5;
  c = rotl<u32>(c, 30);
  w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0xca62c1d6 + w6;
  b = rotl<u32>(b, 30);
  w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0xca62c1d6 + w7;
  a = rotl<u32>(a, 30);
  w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0xca62c1d6 + w8;
  e = rotl<u32>(e, 30);
  w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0xca62c1d6 + w9;
  d = rotl<u32>(d, 30);
  w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0xca62c1d6 + w10;
  c = rotl<u32>(c, 30);
  w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
  e += rotl<u32>(a, 5) + parity(b, c, d) + 0xca62c1d6 + w11;
  b = rotl<u32>(b, 30);
  w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
  d += rotl<u32>(e, 5) + parity(a, b, c) + 0xca62c1d6 + w12;
  a = rotl<u32>(a, 30);
  w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
  c += rotl<u32>(d, 5) + parity(e, a, b) + 0xca62c1d6 + w13;
  e = rotl<u32>(e, 30);
  w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
  b += rotl<u32>(c, 5) + parity(d, e, a) + 0xca62c1d6 + w14;
  d = rotl<u32>(d, 30);
  w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
  a += rotl<u32>(b, 5) + parity(c, d, e) + 0xca62c1d6 + w15;
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
