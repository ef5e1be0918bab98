import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta } from './delta.ts';
import { ProtocolError } from './errors.ts';
import { copyOp, deltaHeader, insertOp } from '../../../test/support/pack-builder.ts';

const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const base = bytesOf('Hello, world! This is the base.');

describe('applyDelta', () => {
  it('copies ranges of the base and inserts literal bytes', () => {
    const delta = new Uint8Array([...deltaHeader(base.length, 20), ...copyOp(0, 7), ...insertOp([...bytesOf('there')]), ...copyOp(12, 8)]);
    expect(text(applyDelta(base, delta))).toBe('Hello, there! This i');
  });

  it('reads size 0 in a copy instruction as 0x10000', () => {
    const big = new Uint8Array(0x10000 + 5).map((_, i) => i % 251);
    const delta = new Uint8Array([...deltaHeader(big.length, 0x10000), 0x80]);
    expect(applyDelta(big, delta)).toEqual(big.subarray(0, 0x10000));
  });

  it('reads multi-byte offsets and sizes', () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    const delta = new Uint8Array([...deltaHeader(big.length, 70_000), ...copyOp(200_000, 70_000)]);
    expect(applyDelta(big, delta)).toEqual(big.subarray(200_000, 270_000));
  });

  it.each([
    ['a base of the wrong size', [...deltaHeader(base.length + 1, 1), ...insertOp([1])]],
    ['a copy past the end of the base', [...deltaHeader(base.length, 10), ...copyOp(25, 10)]],
    ['a copy past the declared result', [...deltaHeader(base.length, 3), ...copyOp(0, 5)]],
    ['an insert past the declared result', [...deltaHeader(base.length, 1), ...insertOp([1, 2])]],
    ['an insert past the end of the delta', [...deltaHeader(base.length, 5), 5, 1, 2]],
    ['a cut-short copy instruction', [...deltaHeader(base.length, 5), 0x91, 0]],
    ['reserved instruction 0', [...deltaHeader(base.length, 1), 0]],
    ['a result shorter than declared', [...deltaHeader(base.length, 10), ...insertOp([1])]],
    ['a cut-short header', [0x80]],
    ['an empty delta', []],
    ['an endless size varint', [...deltaHeader(base.length, 1).slice(0, 1), ...new Array(20).fill(0xff)]],
  ])('refuses %s', (_name, delta) => {
    expect(() => applyDelta(base, new Uint8Array(delta))).toThrow(ProtocolError);
  });

  it('refuses a result over maxTargetBytes before allocating it', () => {
    const delta = new Uint8Array([...deltaHeader(base.length, 2 ** 40), ...copyOp(0, 1)]);
    expect(() => applyDelta(base, delta)).toThrow(/over the 104857600-byte limit/);
    expect(() => applyDelta(base, new Uint8Array([...deltaHeader(base.length, 11), ...copyOp(0, 11)]), { maxTargetBytes: 10 })).toThrow(ProtocolError);
  });

  it('fails on random deltas only with ProtocolError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (randomBase, tail) => {
        const delta = new Uint8Array([...deltaHeader(randomBase.length, tail.length), ...tail]);
        try {
          const out = applyDelta(randomBase, delta);
          expect(out.length).toBe(tail.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
