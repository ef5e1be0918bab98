// A Huffman block's symbols: literals, and matches copied from the output already written.
import { DIST_BITS, ERR_DISTANCE_CODE, ERR_LITERAL_CODE, ERR_OVERFLOW, ERR_TOO_FAR, GO_ON, KIND_DISTANCE, KIND_END, KIND_LENGTH, KIND_LITERAL, KIND_MASK, KIND_SUBTABLE, LIT_BITS, MODE_DONE, MODE_HEADER, NEED_MORE, OUTPUT, Stream, peek, refillSlowly, subtableEntry } from './layout';

/** Decodes a Huffman block's symbols: fast while input and room are plentiful, then carefully. */
export function decodeHuffman(): i32 {
  let buf = Stream.bitbuf;
  let cnt = Stream.bitcnt;
  let inp = Stream.inPos;
  let out = Stream.outPos;
  const lit = Stream.litTable;
  const dist = Stream.distTable;
  const inFastEnd = Stream.inEnd - 8;
  const outFastEnd = Stream.outEnd - 274;
  const litMask: u64 = (1 << LIT_BITS) - 1;
  const distMask: u64 = (1 << DIST_BITS) - 1;
  while (inp <= inFastEnd && out <= outFastEnd) {
    // Refill to 56-63 bits with one 8-byte load (bits past the count are the next bytes' own).
    buf |= load<u64>(inp) << cnt;
    inp += (63 - cnt) >> 3;
    cnt |= 56;
    let entry = load<u32>(lit + (<usize>(buf & litMask) << 2));
    if ((entry & KIND_MASK) == KIND_SUBTABLE) {
      buf >>= LIT_BITS;
      cnt -= LIT_BITS;
      entry = subtableEntry(lit, entry, buf);
    }
    const bits = entry & 15;
    buf >>= bits;
    cnt -= bits;
    const kind = entry & KIND_MASK;
    if (kind == KIND_LITERAL) {
      store<u8>(out, <u8>(entry >> 16));
      out++;
      continue;
    }
    if (kind == KIND_LENGTH) {
      const extra = (entry >> 8) & 0xff;
      const length = (entry >> 16) + (<u32>buf & ((<u32>1 << extra) - 1));
      buf >>= extra;
      cnt -= extra;
      let d = load<u32>(dist + (<usize>(buf & distMask) << 2));
      if ((d & KIND_MASK) == KIND_SUBTABLE) {
        buf >>= DIST_BITS;
        cnt -= DIST_BITS;
        d = subtableEntry(dist, d, buf);
      }
      if ((d & KIND_MASK) != KIND_DISTANCE) {
        saveState(buf, cnt, inp, out);
        return ERR_DISTANCE_CODE;
      }
      const dbits = d & 15;
      buf >>= dbits;
      cnt -= dbits;
      const dextra = (d >> 8) & 0xff;
      const distance = (d >> 16) + (<u32>buf & ((<u32>1 << dextra) - 1));
      buf >>= dextra;
      cnt -= dextra;
      if (<usize>distance > out - OUTPUT) {
        saveState(buf, cnt, inp, out);
        return ERR_TOO_FAR;
      }
      copyMatch(out, distance, length);
      out += length;
      continue;
    }
    saveState(buf, cnt, inp, out);
    if (kind == KIND_END) {
      Stream.mode = Stream.lastBlock ? MODE_DONE : MODE_HEADER;
      return GO_ON;
    }
    return ERR_LITERAL_CODE;
  }
  saveState(buf, cnt, inp, out);
  return decodeCarefully();
}

@inline export function saveState(buf: u64, cnt: u32, inp: usize, out: usize): void {
  Stream.bitbuf = buf;
  Stream.bitcnt = cnt;
  Stream.inPos = inp;
  Stream.outPos = out;
}

/** Copies `length` bytes from `distance` back; 8 at a time when the source stays behind. */
@inline export function copyMatch(out: usize, distance: u32, length: u32): void {
  const end = out + length;
  let from = out - distance;
  let to = out;
  if (distance >= 8) {
    do {
      store<u64>(to, load<u64>(from));
      from += 8;
      to += 8;
    } while (to < end);
  } else if (distance == 1) {
    memory.fill(to, load<u8>(from), length);
  } else {
    do {
      store<u8>(to, load<u8>(from));
      from++;
      to++;
    } while (to < end);
  }
}

/**
 * Decodes symbols one at a time, each only once all of its bits are here (otherwise NEED_MORE,
 * with nothing of it consumed), and checks the output's room before every write.
 */
export function decodeCarefully(): i32 {
  while (true) {
    refillSlowly();
    let buf = Stream.bitbuf;
    let cnt = Stream.bitcnt;
    let entry = load<u32>(Stream.litTable + (<usize>peek(LIT_BITS) << 2));
    if ((entry & KIND_MASK) == KIND_SUBTABLE) {
      if (cnt < LIT_BITS) return NEED_MORE;
      buf >>= LIT_BITS;
      cnt -= LIT_BITS;
      entry = subtableEntry(Stream.litTable, entry, buf);
    }
    const bits = entry & 15;
    if (bits > cnt) return NEED_MORE;
    buf >>= bits;
    cnt -= bits;
    const kind = entry & KIND_MASK;
    if (kind == KIND_LITERAL) {
      if (Stream.outPos == Stream.outEnd) return ERR_OVERFLOW;
      store<u8>(Stream.outPos, <u8>(entry >> 16));
      Stream.outPos++;
      Stream.bitbuf = buf;
      Stream.bitcnt = cnt;
      continue;
    }
    if (kind == KIND_END) {
      Stream.bitbuf = buf;
      Stream.bitcnt = cnt;
      Stream.mode = Stream.lastBlock ? MODE_DONE : MODE_HEADER;
      return GO_ON;
    }
    if (kind != KIND_LENGTH) return ERR_LITERAL_CODE;
    const extra = (entry >> 8) & 0xff;
    if (extra > cnt) return NEED_MORE;
    const length = (entry >> 16) + (<u32>buf & ((<u32>1 << extra) - 1));
    buf >>= extra;
    cnt -= extra;
    let d = load<u32>(Stream.distTable + (<usize>(<u32>buf & ((<u32>1 << DIST_BITS) - 1)) << 2));
    if ((d & KIND_MASK) == KIND_SUBTABLE) {
      if (cnt < DIST_BITS) return NEED_MORE;
      buf >>= DIST_BITS;
      cnt -= DIST_BITS;
      d = subtableEntry(Stream.distTable, d, buf);
    }
    const dbits = d & 15;
    if (dbits > cnt) return NEED_MORE;
    if ((d & KIND_MASK) != KIND_DISTANCE) return ERR_DISTANCE_CODE;
    buf >>= dbits;
    cnt -= dbits;
    const dextra = (d >> 8) & 0xff;
    if (dextra > cnt) return NEED_MORE;
    const distance = (d >> 16) + (<u32>buf & ((<u32>1 << dextra) - 1));
    buf >>= dextra;
    cnt -= dextra;
    if (<usize>distance > Stream.outPos - OUTPUT) return ERR_TOO_FAR;
    if (<usize>length > Stream.outEnd - Stream.outPos) return ERR_OVERFLOW;
    // Byte by byte: near the output's end the fast copy's overrun must not pass the slack.
    let from = Stream.outPos - distance;
    const end = Stream.outPos + length;
    while (Stream.outPos < end) {
      store<u8>(Stream.outPos, load<u8>(from));
      Stream.outPos++;
      from++;
    }
    Stream.bitbuf = buf;
    Stream.bitcnt = cnt;
  }
}
