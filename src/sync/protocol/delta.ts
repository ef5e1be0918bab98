import { ProtocolError } from './errors.ts';
import { DEFAULT_MAX_OBJECT_BYTES } from './pack-format.ts';

/** Options of {@link applyDelta}. */
export interface ApplyDeltaOptions {
  /** Refuse a delta whose result would be larger than this; default 100 MiB. */
  maxTargetBytes?: number;
}

function fail(problem: string, offset?: number): never {
  throw new ProtocolError('delta', problem, offset === undefined ? {} : { offset });
}

/** Reads one of the two size varints of a delta header (7 bits a byte, least significant first). */
function readSize(delta: Uint8Array, start: number, what: string): [size: number, next: number] {
  let size = 0;
  let scale = 1;
  let offset = start;
  for (;;) {
    const byte = delta[offset++];
    if (byte === undefined) fail(`the ${what} size is cut short`, start);
    size += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [size, offset];
    scale *= 128;
    if (scale > 2 ** 49) fail(`the ${what} size does not fit in 7 bytes`, start);
  }
}

/** A delta's header: the base size it expects, the result size, and where its instructions start. */
export interface DeltaSizes {
  baseSize: number;
  targetSize: number;
  start: number;
}

/** Reads a delta's two sizes; refuses a result over `maxTargetBytes` (default 100 MiB) before anything is allocated. */
export function readDeltaSizes(delta: Uint8Array, options: ApplyDeltaOptions = {}): DeltaSizes {
  const maxTargetBytes = options.maxTargetBytes ?? DEFAULT_MAX_OBJECT_BYTES;
  const [baseSize, afterBase] = readSize(delta, 0, 'base');
  const [targetSize, start] = readSize(delta, afterBase, 'result');
  if (targetSize > maxTargetBytes) fail(`its result would be ${targetSize} bytes, over the ${maxTargetBytes}-byte limit`);
  return { baseSize, targetSize, start };
}

/**
 * Rebuilds an object from its base and a git delta: a header giving the base and result
 * sizes, then instructions that either copy a range of the base (high bit set: offset in up
 * to 4 bytes, size in up to 3, where 0 means 0x10000) or insert the next 1-127 delta bytes.
 * Throws ProtocolError when the base size differs, an instruction reads outside the base or
 * the delta, the result overflows or falls short of its size, or it is too large.
 */
export function applyDelta(base: Uint8Array, delta: Uint8Array, options: ApplyDeltaOptions = {}): Uint8Array {
  const sizes = readDeltaSizes(delta, options);
  const out = new Uint8Array(sizes.targetSize);
  applyDeltaInto(base, delta, sizes, out, 0);
  return out;
}

/** {@link applyDelta} writing the result into `out` at `outStart` (room for `sizes.targetSize` bytes). */
export function applyDeltaInto(base: Uint8Array, delta: Uint8Array, sizes: DeltaSizes, out: Uint8Array, outStart: number): void {
  const { baseSize, targetSize, start } = sizes;
  if (baseSize !== base.length) fail(`it expects a ${baseSize}-byte base but the base has ${base.length} bytes`);
  let written = 0;
  let at = start;
  while (at < delta.length) {
    const op = delta[at++] as number;
    if (op & 0x80) {
      let copyOffset = 0;
      let copySize = 0;
      for (let bit = 0; bit < 7; bit++) {
        if ((op & (1 << bit)) === 0) continue;
        const byte = delta[at++];
        if (byte === undefined) fail('a copy instruction is cut short', at - 1);
        if (bit < 4) copyOffset += byte * 2 ** (8 * bit);
        else copySize += byte << (8 * (bit - 4));
      }
      if (copySize === 0) copySize = 0x10000;
      if (copyOffset + copySize > base.length) fail(`a copy of ${copySize} bytes at ${copyOffset} reads past the ${base.length}-byte base`, at);
      if (written + copySize > targetSize) fail(`a copy writes past the declared ${targetSize}-byte result`, at);
      out.set(base.subarray(copyOffset, copyOffset + copySize), outStart + written);
      written += copySize;
    } else if (op > 0) {
      if (at + op > delta.length) fail(`an insert of ${op} bytes runs past the end of the delta`, at);
      if (written + op > targetSize) fail(`an insert writes past the declared ${targetSize}-byte result`, at);
      out.set(delta.subarray(at, at + op), outStart + written);
      written += op;
      at += op;
    } else {
      fail('instruction 0, which is reserved', at - 1);
    }
  }
  if (written !== targetSize) fail(`it builds ${written} bytes but declares ${targetSize}`);
}
