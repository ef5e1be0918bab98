import { describe, expect, it } from 'vitest';
import { DeltaBaseCache } from './delta-base-cache.ts';

describe('DeltaBaseCache', () => {
  it('counts a buffer that several cached objects are views of once, whole, and evicts the least recently used', () => {
    const cache = new DeltaBaseCache(2000);
    const chunk = new Uint8Array(400);
    cache.set(0, chunk.subarray(0, 10));
    cache.set(1, chunk.subarray(10, 20)); // the same 400 bytes: still 400 held
    cache.set(2, new Uint8Array(450)); // 850
    expect(cache.get(0)).toBeDefined(); // 0 is now the most recent
    cache.set(3, new Uint8Array(450)); // 1300
    cache.set(4, new Uint8Array(500)); // 1800
    cache.set(5, new Uint8Array(450)); // 2250: the oldest go (1 frees nothing, 0 still holds the chunk; then 2) until 2000 or less
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(2)).toBeUndefined();
    for (const kept of [0, 3, 4, 5]) expect(cache.get(kept)).toBeDefined();
  });

  it('does not keep an object whose buffer is over a quarter of the limit, even a small view of it', () => {
    const cache = new DeltaBaseCache(1000);
    cache.set(0, new Uint8Array(300).subarray(0, 10));
    expect(cache.get(0)).toBeUndefined();
  });

  it('finds no object in a buffer handed to another thread, then finds it again where it came back, or forgets it', () => {
    const cache = new DeltaBaseCache(1000);
    const chunk = new Uint8Array(250).fill(7);
    const other = new Uint8Array(250);
    cache.set(0, chunk.subarray(0, 10));
    cache.set(1, other.subarray(5, 15));
    const away = chunk.buffer;
    const back = structuredClone(away, { transfer: [away] }); // detaches it, as postMessage does
    expect(cache.get(0)).toBeUndefined();
    cache.moved(away, back);
    expect(cache.get(0)).toEqual(new Uint8Array(10).fill(7));
    expect(cache.get(0)?.buffer).toBe(back);
    expect(cache.holds(back)).toBe(true);
    const gone = other.buffer;
    structuredClone(gone, { transfer: [gone] });
    cache.moved(gone); // it will not come back (the page stores it)
    expect(cache.get(1)).toBeUndefined();
    expect(cache.holds(gone)).toBe(false);
    for (let i = 2; i <= 4; i++) cache.set(i, new Uint8Array(250)); // 1000 with the chunk back: nothing evicted
    for (const kept of [0, 2, 3, 4]) expect(cache.get(kept)).toBeDefined();
  });

  it('rebinds, when a buffer comes back, only the objects still kept in it', () => {
    const cache = new DeltaBaseCache(1000);
    const chunk = new Uint8Array(250);
    chunk.set([1, 2, 3], 0);
    cache.set(0, chunk.subarray(0, 1));
    cache.set(1, chunk.subarray(1, 2));
    cache.set(2, new Uint8Array(250));
    cache.set(3, new Uint8Array(250));
    cache.set(4, new Uint8Array(250)); // 1000: all kept
    expect(cache.get(0)).toBeDefined(); // 1 is now the oldest
    cache.set(5, new Uint8Array(250)); // 1250: 1 goes (the chunk still held by 0), then 2
    const away = chunk.buffer;
    const back = structuredClone(away, { transfer: [away] });
    cache.moved(away, back);
    expect(cache.get(0)).toEqual(new Uint8Array([1]));
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(2)).toBeUndefined();
    for (const index of [6, 7, 8]) cache.set(index, new Uint8Array(250)); // 3, 4 and 5 go, oldest first
    expect(cache.holds(back)).toBe(true);
    cache.set(9, new Uint8Array(250)); // then 0: nothing keeps the chunk
    expect(cache.get(0)).toBeUndefined();
    expect(cache.holds(back)).toBe(false);
  });
});
