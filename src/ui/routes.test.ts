import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, hashOf, viewFromHash, VIEWS } from './routes.ts';
import { effectiveTheme, readThemeChoice, saveThemeChoice, THEME_KEY } from './theme.ts';

describe('routes', () => {
  it('round-trips every view through its hash, and sends anything else to the default view', () => {
    for (const view of VIEWS) expect(viewFromHash(hashOf(view.id))).toBe(view.id);
    expect(viewFromHash('#/process/3f2a')).toBe('process');
    expect(['', '#', '#/', '#/nope', '#main'].map(viewFromHash)).toEqual(Array(5).fill(DEFAULT_VIEW));
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
