import { describe, expect, it } from 'vitest';
import { enterIntent, moveHighlight } from './quick-find.ts';

const hits = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('enterIntent', () => {
  it('opens the highlighted match, or the first', () => {
    expect(enterIntent('bu', hits, 1)).toEqual({ kind: 'open', hit: { id: 'b' } });
    expect(enterIntent('bu', hits, -1)).toEqual({ kind: 'open', hit: { id: 'a' } });
    expect(enterIntent('bu', hits, 7)).toEqual({ kind: 'open', hit: { id: 'a' } });
  });

  it('captures the trimmed text when nothing matches, and ignores blank text', () => {
    expect(enterIntent('  Buy milk ', [], -1)).toEqual({ kind: 'capture', name: 'Buy milk' });
    expect(enterIntent('   ', hits, 0)).toEqual({ kind: 'nothing' });
  });
});

describe('moveHighlight', () => {
  it('enters the list from either end and wraps', () => {
    expect(moveHighlight(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(-1, 'ArrowUp', 3)).toBe(2);
    expect(moveHighlight(2, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowUp', 3)).toBe(2);
    expect(moveHighlight(1, 'ArrowDown', 3)).toBe(2);
  });

  it('highlights nothing in an empty list, and recovers from a stale index', () => {
    expect(moveHighlight(0, 'ArrowDown', 0)).toBe(-1);
    expect(moveHighlight(5, 'ArrowDown', 2)).toBe(0);
  });
});
