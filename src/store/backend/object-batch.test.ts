// The run builder as an arena: objects written straight into the chunks they are stored in.
import { describe, expect, it } from 'vitest';
import { ObjectRunBuilder, readBatchIndex, type BatchLocation, type ObjectRun } from './object-batch.ts';
import type { Oid } from '../oid.ts';

const oid = (i: number): string => i.toString(16).padStart(40, '0');

/** Where each object of `run` lies, as its bytes. */
function objectsOf(run: ObjectRun): Map<string, Uint8Array> {
  const located = new Map<Oid, BatchLocation>();
  readBatchIndex(0, run.index, located);
  return new Map([...located].map(([id, at]) => [id, (run.chunks[at.chunk] as Uint8Array).subarray(at.offset, at.offset + at.length)]));
}

describe('ObjectRunBuilder as an arena', () => {
  it('stores an object where it was written, placed in any order, and hands over only full chunks whose objects are all placed', () => {
    const builder = new ObjectRunBuilder(100);
    const slots = [30, 40, 20, 50].map((length, i) => builder.reserve(length).fill(i + 1));
    // 30 + 40 + 20 fill the first chunk; the 50 opens the next, which seals the first.
    builder.place(oid(2), slots[2] as Uint8Array);
    builder.place(oid(0), slots[0] as Uint8Array);
    expect(builder.takeReady().chunks).toEqual([]); // object 1 is not placed yet
    builder.place(oid(1), slots[1] as Uint8Array);
    builder.place(oid(3), slots[3] as Uint8Array);
    expect(builder.bytes).toBe(90);
    const first = builder.takeReady();
    expect(first.chunks).toHaveLength(1);
    expect(first.chunks[0]?.buffer).toBe(slots[0]?.buffer); // no copy: the chunk is the arena
    const found = objectsOf(first);
    expect([...found.keys()].sort()).toEqual([oid(0), oid(1), oid(2)]);
    for (const i of [0, 1, 2]) expect(found.get(oid(i))).toEqual(new Uint8Array(slots[i]?.length ?? 0).fill(i + 1));
    expect(builder.count).toBe(0); // the chunk being filled waits for finish
    const last = builder.take();
    expect(objectsOf(last).get(oid(3))).toEqual(new Uint8Array(50).fill(4));
    expect(last.chunks[0]?.buffer.byteLength).toBe(50); // its unused end is not stored
  });

  it('gives an object as large as a chunk a buffer of its own, and keeps a nearly full chunk as it is', () => {
    const builder = new ObjectRunBuilder(64);
    const small = builder.reserve(60);
    const big = builder.reserve(64);
    builder.place(oid(1), big);
    builder.place(oid(0), small);
    const next = builder.reserve(10); // seals the first chunk, 4 bytes unused
    builder.place(oid(2), next);
    const run = builder.take();
    expect(run.chunks.map((chunk) => chunk.length).sort((a, b) => a - b)).toEqual([10, 60, 64]);
    expect(run.chunks.find((chunk) => chunk.length === 60)?.buffer).toBe(small.buffer);
    expect(run.chunks.find((chunk) => chunk.length === 64)?.buffer.byteLength).toBe(64);
  });

  it('refuses to finish while a slot is unplaced, and a slot it did not give', () => {
    const builder = new ObjectRunBuilder(64);
    builder.reserve(10);
    expect(() => builder.take()).toThrow(/never placed/);
    expect(() => builder.place(oid(0), new Uint8Array(10))).toThrow(/not a reserved slot/);
  });

  it('writes a stored chunk again once nothing else reads it, and never one still read or transferred', () => {
    const kept = new Set<ArrayBufferLike>();
    const builder = new ObjectRunBuilder(64, (buffer) => kept.has(buffer));
    const fill = (length: number, value: number): Uint8Array => {
      const slot = builder.reserve(length).fill(value);
      builder.place(oid(value), slot);
      return slot;
    };
    const first = fill(60, 1);
    const second = fill(60, 2); // seals the first chunk
    const run = builder.takeReady();
    expect(run.chunks[0]?.buffer).toBe(first.buffer);
    kept.add(first.buffer); // say, a delta base kept in it
    builder.recycle(run);
    const third = fill(60, 3); // seals the second; the first is still read
    expect(third.buffer).not.toBe(first.buffer);
    kept.clear();
    const fourth = fill(60, 4); // seals the third; the first is read no more
    expect(fourth.buffer).toBe(first.buffer); // memory written before, not a fresh buffer
    expect(fourth).toEqual(new Uint8Array(60).fill(4));
    const later = builder.takeReady(); // the second and third chunks
    expect(later.chunks.map((chunk) => chunk.buffer)).toEqual([second.buffer, third.buffer]);
    structuredClone(second.buffer, { transfer: [second.buffer as ArrayBuffer] }); // handed to another thread
    builder.recycle(later);
    expect(fill(60, 5).buffer).toBe(third.buffer);
    const sixth = fill(60, 6);
    expect([first.buffer, second.buffer, third.buffer]).not.toContain(sixth.buffer);
    expect(sixth.buffer.byteLength).toBe(64);
  });

  it('lays objects out in chunks written ahead before any fresh one, and a stored one first; never one of another size', () => {
    const ahead = [new Uint8Array(64).fill(9), new Uint8Array(32).fill(8), new Uint8Array(64).fill(7)];
    const builder = new ObjectRunBuilder(64, () => false, true, () => ahead.pop());
    const fill = (length: number, value: number): Uint8Array => {
      const slot = builder.reserve(length);
      const before = slot.slice();
      builder.place(oid(value), slot.fill(value));
      return before;
    };
    expect(fill(60, 1)).toEqual(new Uint8Array(60).fill(7)); // written ahead, not fresh (zeros)
    expect(fill(60, 2)).toEqual(new Uint8Array(60).fill(9)); // the 32-byte one dropped; seals the first chunk
    builder.recycle(builder.takeReady());
    expect(fill(60, 3)).toEqual(new Uint8Array(60).fill(1)); // the stored first chunk, written again
    expect(ahead).toEqual([]);
    expect(fill(60, 4)).toEqual(new Uint8Array(60)); // none written ahead is left: a fresh one
  });

  it('takes a buffer larger than a chunk as a chunk of its own, uncopied; never one a chunk large', () => {
    const builder = new ObjectRunBuilder(100);
    const large = new Uint8Array(150).fill(7);
    builder.adopt(oid(1), large);
    builder.add(oid(2), new Uint8Array(10).fill(2));
    const run = builder.take();
    expect(objectsOf(run).get(oid(1))?.buffer).toBe(large.buffer);
    expect(() => builder.adopt(oid(3), new Uint8Array(100))).toThrow(/larger than a chunk/);
    expect(() => builder.adopt(oid(3), new Uint8Array(300).subarray(0, 150))).toThrow(/larger than a chunk/);
  });

  it('says which slots it gave and has not named yet; as a scratch arena, hands over views, never copies', () => {
    const scratch = new ObjectRunBuilder(100, () => false, false);
    const slot = scratch.reserve(30);
    expect(scratch.holds(slot)).toBe(true);
    expect(scratch.holds(new Uint8Array(30))).toBe(false);
    scratch.place(oid(1), slot);
    const next = scratch.reserve(80); // does not fit: the first chunk, 70 bytes unused, is sealed
    expect(scratch.takeReady().chunks[0]?.buffer).toBe(slot.buffer);
    expect(scratch.holds(slot)).toBe(false); // handed over
    expect(scratch.holds(next)).toBe(true);
  });
});
