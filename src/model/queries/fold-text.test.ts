import { describe, expect, it } from 'vitest';
import { foldText, foldWithOrigin, queryWords } from './fold-text.ts';

describe('foldText', () => {
  it('drops case and accents', () => {
    expect(foldText('ÉTÉ Café Zoë Ångström')).toBe('ete cafe zoe angstrom');
    expect(foldText('ΟΔΟΣ')).toBe('οδοσ');
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('agrees with folding one character at a time, and keeps where each unit came from', () => {
    const text = 'İ😀 Café ΟΔΟΣ';
    const { folded, origin } = foldWithOrigin(text);
    expect(folded).toBe(foldText(text));
    expect(origin).toHaveLength(folded.length);
    expect(text.slice(origin[folded.indexOf('cafe')])).toMatch(/^Café/);
  });

  it('splits a query into folded words', () => {
    expect(queryWords('  Pay  TÁXES\tnow ')).toEqual(['pay', 'taxes', 'now']);
    expect(queryWords('   ')).toEqual([]);
  });
});
