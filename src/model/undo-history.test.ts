import { describe, expect, it } from 'vitest';
import { UndoHistory } from './undo-history.ts';

describe('UndoHistory', () => {
  it('gives the newest change not undone, forgets undone ones, and keeps at most its limit', () => {
    const history = new UndoHistory(3);
    expect(history.last()).toBeUndefined();
    for (const id of ['a', 'b', 'c', 'd']) history.push(id);
    expect(history.last()).toBe('d');
    history.remove('d');
    expect(history.last()).toBe('c');
    history.remove('c');
    history.remove('b');
    expect(history.last(), 'a fell off the end').toBeUndefined();
    history.push('e');
    history.push('f');
    history.push('e');
    expect(history.last()).toBe('e');
    history.remove('e');
    expect(history.last()).toBe('f');
  });
});
