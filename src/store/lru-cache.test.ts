import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.ts';

describe('LruCache', () => {
  it('forgets the least recently used entry first when over its count', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('bounds the total weight, keeping the newest entry whatever it weighs', () => {
    const cache = new LruCache<string, Uint8Array>(10, (bytes) => bytes.length);
    cache.set('a', new Uint8Array(4));
    cache.set('b', new Uint8Array(4));
    cache.set('a', new Uint8Array(5)); // replacing counts the new weight only
    expect([cache.get('a')?.length, cache.get('b')?.length]).toEqual([5, 4]);
    cache.set('c', new Uint8Array(4));
    expect([cache.get('a'), cache.get('b')?.length, cache.get('c')?.length]).toEqual([undefined, 4, 4]);
    cache.set('huge', new Uint8Array(50));
    expect([cache.get('b'), cache.get('c'), cache.get('huge')?.length]).toEqual([undefined, undefined, 50]);
  });

  it('says whether it holds a key without making it the most recent', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect([cache.has('a'), cache.has('z')]).toEqual([true, false]);
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true]);
  });
});
