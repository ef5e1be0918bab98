// The WebAssembly raw-deflate decoder against Node's zlib: the same bytes and the same end of
// stream for whatever zlib's encoder makes, fed in pieces cut anywhere; the same verdict on
// corrupted streams; and the committed binary is what its source compiles to.
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { binaryModuleText, compileWasm, INFLATE_WASM } from '../../../scripts/build-wasm.ts';
import { INFLATE_OVERFLOW, InflateStatus, WasmInflater } from './wasm-inflater.ts';

/** Feeds `stream` in the pieces `cuts` makes; the inflated bytes and where the stream ended, or 'short'. */
function inflateInPieces(inflater: WasmInflater, stream: Uint8Array, size: number, cuts: number[] = []): { output: Uint8Array; end: number } | 'short' {
  expect(inflater.begin(size)).toBe(true);
  const bounds = [...new Set([0, ...cuts.map((cut) => cut % (stream.length + 1)), stream.length])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i] as number, bounds[i + 1] as number];
    // Each piece lies at an offset in a larger array, as a chunk of a pack does.
    const piece = new Uint8Array(to - from + 5);
    piece.set(stream.subarray(from, to), 5);
    const ended = inflater.feed(piece, 5);
    if (ended >= 0) {
      const output = new Uint8Array(inflater.inflated);
      inflater.copyTo(output, 0);
      return { output, end: from + ended - 5 };
    }
  }
  return 'short';
}

const text = (seed: number, length: number): Uint8Array => {
  const words = ['the ', 'task ', 'is ', 'done', '.\n', 'next ', 'action ', '{"id":', `${seed}`, '},\n'];
  let s = '';
  for (let i = 0; s.length < length; i++) s += words[(i * 7 + seed * 13 + (i >> 3)) % words.length];
  return new TextEncoder().encode(s.slice(0, length));
};

const STRATEGIES = [constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FILTERED];

describe('WasmInflater', () => {
  const inflater = WasmInflater.create() as WasmInflater;

  it('inflates what zlib deflates, at any level and strategy, cut anywhere, and finds where the stream ends', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 200_000 }).chain((n) => fc.constant(text(n % 97, n)))),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...STRATEGIES),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.uint8Array({ maxLength: 8 }),
        (data, level, strategy, cuts, after) => {
          const stream = deflateRawSync(data, { level, strategy });
          const withNext = new Uint8Array([...stream, ...after]);
          const result = inflateInPieces(inflater, withNext, data.length, cuts);
          expect(result).not.toBe('short');
          if (result === 'short') return;
          expect(result.end).toBe(stream.length);
          expect(Buffer.from(result.output).equals(Buffer.from(data))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inflates a stream fed one byte at a time, stored blocks and Huffman blocks alike', () => {
    for (const data of [randomBytes(70_000), text(3, 70_000)]) {
      const stream = deflateRawSync(data);
      const result = inflateInPieces(inflater, stream, data.length, Array.from({ length: stream.length }, (_, i) => i));
      expect(result !== 'short' && Buffer.from(result.output).equals(Buffer.from(data))).toBe(true);
    }
  });

  it('gives zlib\'s verdict on corrupted streams: the same bytes where zlib inflates, an error where zlib refuses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(...STRATEGIES), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (n, strategy, flips) => {
        const data = text(n % 31, n);
        const stream = deflateRawSync(data, { strategy });
        for (const [at, mask] of flips) stream[at % stream.length] = (stream[at % stream.length] as number) ^ mask;
        let expected: { output: Buffer; end: number } | 'error';
        try {
          const { buffer, engine } = inflateRawSync(stream, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
          expected = { output: buffer, end: engine.bytesWritten };
        } catch {
          expected = 'error';
        }
        let actual: ReturnType<typeof inflateInPieces> | 'error' | 'overflow';
        try {
          actual = inflateInPieces(inflater, stream, expected === 'error' ? data.length : expected.output.length);
        } catch (error) {
          expect(error).toBeInstanceOf(InflateStatus);
          actual = 'error';
        }
        if (expected === 'error') expect(actual === 'error' || actual === 'short').toBe(true);
        else {
          expect(actual).not.toBe('error');
          if (actual !== 'error' && actual !== 'short') {
            expect(actual.end).toBe(expected.end);
            expect(Buffer.from(actual.output).equals(expected.output)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('names what is wrong: a block type, stored lengths, a distance too far back, more output than room', () => {
    const statusOf = (stream: Uint8Array, size: number): string => {
      try {
        return JSON.stringify(inflateInPieces(inflater, stream, size));
      } catch (error) {
        return (error as InflateStatus).status === INFLATE_OVERFLOW ? 'overflow' : (error as Error).message;
      }
    };
    expect(statusOf(new Uint8Array([0x07]), 1)).toBe('invalid block type');
    expect(statusOf(new Uint8Array([0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5]), 5)).toBe('invalid stored block lengths');
    const dictionary = text(1, 3000);
    expect(statusOf(deflateRawSync(dictionary, { dictionary }), 3000)).toBe('invalid distance too far back');
    const data = text(2, 5000);
    expect(statusOf(deflateRawSync(data), data.length - 1)).toBe('overflow');
    expect(statusOf(deflateRawSync(data, { strategy: constants.Z_FIXED }), data.length - 1)).toBe('overflow');
    expect(statusOf(deflateRawSync(randomBytes(500), { level: 0 }), 499)).toBe('overflow');
    expect(JSON.parse(statusOf(deflateRawSync(data), data.length + 1))).toMatchObject({ end: expect.any(Number) });
  });

  it('is the binary its AssemblyScript source compiles to (run `npm run build:wasm` after editing it)', async () => {
    const committed = await readFile(INFLATE_WASM.binaryModule, 'utf8');
    expect(committed).toBe(binaryModuleText(INFLATE_WASM, await compileWasm(INFLATE_WASM)));
  }, 120_000); // the compiler takes ~3 s, 10 s on a loaded machine
});
