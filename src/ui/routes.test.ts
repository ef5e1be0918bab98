import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, hashOf, MAX_OPEN_ITEMS, openFromHash, viewFromHash, VIEWS } from './routes.ts';
import { effectiveTheme, readThemeChoice, saveThemeChoice, THEME_KEY } from './theme.ts';

describe('routes', () => {
  it('round-trips every view through its hash, and sends anything else to the default view', () => {
    for (const view of VIEWS) expect(viewFromHash(hashOf(view.id))).toBe(view.id);
    expect(viewFromHash('#/process/3f2a')).toBe('process');
    expect(['', '#', '#/', '#/nope', '#main'].map(viewFromHash)).toEqual(Array(5).fill(DEFAULT_VIEW));
  });

  it('carries the open items after the view, the one shown last, at most a few', () => {
    const ids = Array.from({ length: 8 }, (_, n) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`);
    expect(hashOf('work', ids.slice(0, 2))).toBe(`#/work/${ids[0]}/${ids[1]}`);
    expect(openFromHash(hashOf('work', ids.slice(0, 2)))).toEqual(ids.slice(0, 2));
    expect(viewFromHash(hashOf('review', ids.slice(0, 1)))).toBe('review');
    expect(openFromHash(`#/work/${ids[0]}/nonsense/${ids[0]}/${ids[1]}`)).toEqual([ids[0], ids[1]]);
    expect(openFromHash(hashOf('work', ids))).toEqual(ids.slice(-MAX_OPEN_ITEMS));
    expect(openFromHash('#/work')).toEqual([]);
  });
});

describe('theme choice', () => {
  it('is read from and saved to storage; system when unset or invalid', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    expect(readThemeChoice(storage)).toBe('system');
    saveThemeChoice('dark', storage);
    expect(map.get(THEME_KEY)).toBe('dark');
    expect(readThemeChoice(storage)).toBe('dark');
    map.set(THEME_KEY, 'purple');
    expect(readThemeChoice(storage)).toBe('system');
    saveThemeChoice('system', storage);
    expect(map.has(THEME_KEY)).toBe(false);
    expect([effectiveTheme('system', true), effectiveTheme('system', false), effectiveTheme('light', true)]).toEqual(['dark', 'light', 'light']);
  });
});
