import { describe, expect, it } from 'vitest';
import { VIEWS } from './routes.ts';
import { createShortcutMatcher, isTypingTarget, isUndoKey, SHORTCUTS, shortcutKeyOf, type KeyEventLike } from './shortcuts.ts';

const key = (k: string, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra });

describe('the shortcut table', () => {
  it('has a `g <key>` and a digit for every view, and no sequence twice', () => {
    for (const [index, view] of VIEWS.entries()) {
      const entry = SHORTCUTS.find((s) => s.action.type === 'go' && s.action.view === view.id);
      expect(entry?.sequences).toEqual([`g ${view.key}`, String(index + 1)]);
    }
    const all = SHORTCUTS.flatMap((s) => s.sequences);
    expect(new Set(all).size).toBe(all.length);
  });

  it('no sequence is a prefix of another (each would shadow the other)', () => {
    const all = SHORTCUTS.flatMap((s) => s.sequences.map((seq) => seq.split(' ')));
    for (const a of all) for (const b of all) if (a !== b && a.length < b.length) expect(b.slice(0, a.length)).not.toEqual(a);
  });
});

describe('createShortcutMatcher', () => {
  it('runs single keys and two-key sequences', () => {
    const m = createShortcutMatcher();
    expect(m.press('2', 0)).toEqual({ kind: 'run', action: { type: 'go', view: 'work' } });
    expect(m.press('g', 10)).toEqual({ kind: 'pending' });
    expect(m.press('p', 20)).toEqual({ kind: 'run', action: { type: 'go', view: 'process' } });
    expect(m.press('/', 30)).toEqual({ kind: 'run', action: { type: 'focus-search' } });
    expect(m.press('?', 40)).toEqual({ kind: 'run', action: { type: 'help' } });
    expect(m.press('x', 50)).toEqual({ kind: 'none' });
  });

  it('drops a sequence not finished in time', () => {
    const m = createShortcutMatcher(SHORTCUTS, 1000);
    m.press('g', 0);
    expect(m.press('w', 1001)).toEqual({ kind: 'none' });
    m.press('g', 2000);
    expect(m.press('w', 2999)).toEqual({ kind: 'run', action: { type: 'go', view: 'work' } });
  });

  it('a key that breaks a sequence is tried on its own', () => {
    const m = createShortcutMatcher();
    m.press('g', 0);
    expect(m.press('7', 1)).toEqual({ kind: 'run', action: { type: 'go', view: 'sync' } });
    m.press('g', 2);
    expect(m.press('z', 3)).toEqual({ kind: 'none' });
    expect(m.press('h', 4)).toEqual({ kind: 'none' }); // the `g` was forgotten
    m.press('g', 5);
    m.reset();
    expect(m.press('y', 6)).toEqual({ kind: 'none' });
  });
});

describe('shortcutKeyOf', () => {
  it('ignores keys with modifiers, while composing, and while typing in a field', () => {
    expect(shortcutKeyOf(key('g'))).toBe('g');
    expect(shortcutKeyOf(key('?'))).toBe('?');
    expect(shortcutKeyOf(key('g', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutKeyOf(key('g', { metaKey: true }))).toBeUndefined();
    expect(shortcutKeyOf(key('g', { altKey: true }))).toBeUndefined();
    expect(shortcutKeyOf(key('g', { isComposing: true }))).toBeUndefined();
    const input = { tagName: 'INPUT', type: 'search' } as unknown as EventTarget;
    expect(shortcutKeyOf(key('g', { target: input }))).toBeUndefined();
  });

  it('tells typing targets from buttons and links', () => {
    const el = (tagName: string, extra: object = {}) => ({ tagName, ...extra }) as unknown as EventTarget;
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'password' }))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('A'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('isUndoKey', () => {
  it('is Ctrl+Z or Cmd+Z outside a text field, where it stays the field’s own undo', () => {
    expect(isUndoKey(key('z', { ctrlKey: true }))).toBe(true);
    expect(isUndoKey(key('Z', { metaKey: true }))).toBe(true);
    expect(isUndoKey(key('z'))).toBe(false);
    expect(isUndoKey({ ...key('z', { ctrlKey: true }), shiftKey: true })).toBe(false);
    const textarea = { tagName: 'TEXTAREA' } as unknown as EventTarget;
    expect(isUndoKey(key('z', { ctrlKey: true, target: textarea }))).toBe(false);
  });
});
