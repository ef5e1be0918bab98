import { describe, expect, it } from 'vitest';
import { WarmChunks } from './warm-chunks.ts';

describe('WarmChunks', () => {
  it('writes chunks ahead up to its most, taken ones counted, and hands each out once', () => {
    const warm = new WarmChunks(16, 3);
    expect(warm.take()).toBeUndefined();
    expect(warm.writeOne()).toBe(true);
    const first = warm.take();
    expect(first?.length).toBe(16);
    expect(first?.every((byte) => byte !== 0)).toBe(true); // its memory written, not fresh zeros
    expect([warm.writeOne(), warm.writeOne(), warm.writeOne()]).toEqual([true, false, false]);
    const rest = [warm.take(), warm.take()];
    expect(rest.every((chunk) => chunk?.length === 16 && chunk !== first)).toBe(true);
    expect(rest[0]).not.toBe(rest[1]);
    expect(warm.take()).toBeUndefined();
  });
});
