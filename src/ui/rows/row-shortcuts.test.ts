import { describe, expect, it } from 'vitest';
import { ROW_SHORTCUTS, rowCommandOf } from './row-shortcuts.ts';

const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  rowCommandOf({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });

describe('row keys', () => {
  it('map each key to one command, with no key twice', () => {
    const keys = ROW_SHORTCUTS.flatMap((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect([press('j'), press('ArrowDown'), press('k'), press('x'), press('n'), press('w'), press('d'), press('f'), press('m'), press('c'), press('s'), press('Enter')]).toEqual([
      'down',
      'down',
      'up',
      'done',
      'next',
      'waiting',
      'schedule',
      'future',
      'move',
      'context',
      'star',
      'open',
    ]);
  });

  it('leave keys with a modifier to the browser and the app', () => {
    expect([press('x', { ctrlKey: true }), press('n', { metaKey: true }), press('j', { altKey: true }), press('N', { shiftKey: true }), press('q')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
