// A block's header: stored, fixed or dynamic (whose code lengths build its tables), and stored data.
import { CODE_LENGTH_BITS, CODE_LENGTH_TABLE, CODE_LENGTH_TEMPLATES, DIST_BITS, DIST_TABLE, DIST_TEMPLATES, ERR_BLOCK_TYPE, ERR_CODE_LENGTHS_SET, ERR_DISTANCE_SET, ERR_LITERAL_SET, ERR_NO_END_OF_BLOCK, ERR_OVERFLOW, ERR_REPEAT, ERR_STORED_LENGTHS, ERR_TOO_MANY_SYMBOLS, FIXED_DIST_TABLE, FIXED_LIT_TABLE, GO_ON, LENGTHS, LIT_BITS, LIT_TABLE, LIT_TEMPLATES, MODE_DONE, MODE_HEADER, MODE_HUFFMAN, MODE_STORED, NEED_MORE, Stream, consume, peek, refillSlowly } from './layout';
import { CODE_LENGTH_ORDER, buildTable } from './tables';

export function readBlockHeader(): i32 {
  const savedPos = Stream.inPos;
  const savedBuf = Stream.bitbuf;
  const savedCnt = Stream.bitcnt;
  refillSlowly();
  if (Stream.bitcnt < 3) return NEED_MORE;
  Stream.lastBlock = (Stream.bitbuf & 1) != 0;
  const type = peek(3) >> 1;
  consume(3);
  if (type == 0) {
    consume(Stream.bitcnt & 7);
    if (Stream.bitcnt < 32) {
      Stream.inPos = savedPos;
      Stream.bitbuf = savedBuf;
      Stream.bitcnt = savedCnt;
      return NEED_MORE;
    }
    const length = peek(16);
    consume(16);
    const check = peek(16);
    consume(16);
    if (length != (~check & 0xffff)) return ERR_STORED_LENGTHS;
    // Whole bytes left in the bit buffer go back: stored data is copied from the input.
    Stream.inPos -= Stream.bitcnt >> 3;
    Stream.bitbuf = 0;
    Stream.bitcnt = 0;
    Stream.storedLeft = length;
    Stream.mode = MODE_STORED;
    return GO_ON;
  }
  if (type == 1) {
    Stream.litTable = FIXED_LIT_TABLE;
    Stream.distTable = FIXED_DIST_TABLE;
    Stream.mode = MODE_HUFFMAN;
    return GO_ON;
  }
  if (type == 3) return ERR_BLOCK_TYPE;
  const status = readDynamicTables();
  if (status == NEED_MORE) {
    Stream.inPos = savedPos;
    Stream.bitbuf = savedBuf;
    Stream.bitcnt = savedCnt;
    return NEED_MORE;
  }
  if (status < 0) return status;
  Stream.litTable = LIT_TABLE;
  Stream.distTable = DIST_TABLE;
  Stream.mode = MODE_HUFFMAN;
  return GO_ON;
}

export function copyStored(): i32 {
  let n = Stream.storedLeft;
  const room = <u32>(Stream.outEnd - Stream.outPos);
  const available = <u32>(Stream.inEnd - Stream.inPos);
  if (n > room) {
    if (room == 0) return ERR_OVERFLOW;
    n = room;
  }
  if (n > available) n = available;
  memory.copy(Stream.outPos, Stream.inPos, n);
  Stream.outPos += n;
  Stream.inPos += n;
  Stream.storedLeft -= n;
  if (Stream.storedLeft > 0) return available == n ? NEED_MORE : ERR_OVERFLOW;
  Stream.mode = Stream.lastBlock ? MODE_DONE : MODE_HEADER;
  return GO_ON;
}

/** Reads a dynamic block's code lengths and builds its tables; NEED_MORE if its header is not whole. */
export function readDynamicTables(): i32 {
  refillSlowly();
  if (Stream.bitcnt < 14) return NEED_MORE;
  const literals = peek(5) + 257;
  consume(5);
  const distances = peek(5) + 1;
  consume(5);
  const codeLengthCodes = peek(4) + 4;
  consume(4);
  if (literals > 286 || distances > 30) return ERR_TOO_MANY_SYMBOLS;
  for (let i: u32 = 0; i < 19; i++) store<u8>(LENGTHS + load<u8>(CODE_LENGTH_ORDER + i), 0);
  for (let i: u32 = 0; i < codeLengthCodes; i++) {
    refillSlowly();
    if (Stream.bitcnt < 3) return NEED_MORE;
    store<u8>(LENGTHS + load<u8>(CODE_LENGTH_ORDER + i), peek(3));
    consume(3);
  }
  if (!buildTable(LENGTHS, 19, CODE_LENGTH_TEMPLATES, CODE_LENGTH_TABLE, CODE_LENGTH_BITS, false)) return ERR_CODE_LENGTHS_SET;
  const total = literals + distances;
  let i: u32 = 0;
  while (i < total) {
    refillSlowly();
    const entry = load<u32>(CODE_LENGTH_TABLE + (<usize>peek(CODE_LENGTH_BITS) << 2));
    const bits = entry & 15;
    if (bits > Stream.bitcnt) return NEED_MORE;
    const symbol = entry >> 16;
    if (symbol < 16) {
      consume(bits);
      store<u8>(LENGTHS + i++, symbol);
      continue;
    }
    let repeat: u32 = 0;
    let value: u32 = 0;
    if (symbol == 16) {
      if (bits + 2 > Stream.bitcnt) return NEED_MORE;
      consume(bits);
      if (i == 0) return ERR_REPEAT;
      value = load<u8>(LENGTHS + i - 1);
      repeat = 3 + peek(2);
      consume(2);
    } else if (symbol == 17) {
      if (bits + 3 > Stream.bitcnt) return NEED_MORE;
      consume(bits);
      repeat = 3 + peek(3);
      consume(3);
    } else {
      if (bits + 7 > Stream.bitcnt) return NEED_MORE;
      consume(bits);
      repeat = 11 + peek(7);
      consume(7);
    }
    if (i + repeat > total) return ERR_REPEAT;
    memory.fill(LENGTHS + i, <u8>value, repeat);
    i += repeat;
  }
  if (load<u8>(LENGTHS + 256) == 0) return ERR_NO_END_OF_BLOCK;
  if (!buildTable(LENGTHS, literals, LIT_TEMPLATES, LIT_TABLE, LIT_BITS, true)) return ERR_LITERAL_SET;
  // Distance lengths follow the literal lengths: copied down so the builder reads them from 0.
  memory.copy(LENGTHS, LENGTHS + literals, distances);
  if (!buildTable(LENGTHS, distances, DIST_TEMPLATES, DIST_TABLE, DIST_BITS, true)) return ERR_DISTANCE_SET;
  return GO_ON;
}
