import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, queryWords } from './fold-text.ts';
import { search } from './search.ts';
import { snippetAround } from './snippet.ts';
import { action, arbitrarySnapshot, contact, context, id, project, snapshotOf } from '../../../test/support/model-snapshots.ts';

describe('search', () => {
  const snapshot = snapshotOf([
    action(1, 'Taxes for 2025'),
    action(2, 'Pay taxes'),
    action(3, 'Syntaxes of Rust'),
    action(4, 'Read book', { description: 'Chapter on taxes and the state.' }),
    action(5, 'Ignore me'),
    project(6, 'Café opening', { description: 'Find a Barista.' }),
    contact(7, 'Zoë Tax'),
    context(8, '@Été'),
  ]);
  const ids = (query: string, limit?: number): number[] => search(snapshot, query, limit).map((r) => parseInt(r.id.slice(0, 8), 16));

  it('ranks a name prefix over a name word over a name substring over the description', () => {
    expect(ids('taxes')).toEqual([1, 2, 3, 4]);
  });

  it('ignores case and accents, in the record and in the query', () => {
    expect(ids('CAFE')).toEqual([6]);
    expect(ids('café')).toEqual([6]);
    expect(ids('ete')).toEqual([8]);
    expect(ids('zoe')).toEqual([7]);
  });

  it('needs every word to match, in the name or the description', () => {
    expect(ids('cafe barista')).toEqual([6]);
    expect(ids('cafe tea')).toEqual([]);
    expect(ids('  pay   TAXES ')).toEqual([2]);
  });

  it('returns kind and name, and a snippet only when the description matched', () => {
    expect(search(snapshot, 'barista')).toEqual([{ id: id(6), kind: 'project', name: 'Café opening', snippet: 'Find a Barista.' }]);
    expect(search(snapshot, 'cafe')[0]).not.toHaveProperty('snippet');
  });

  it('cuts the result list at the limit, and answers nothing to a blank query', () => {
    expect(ids('taxes', 2)).toEqual([1, 2]);
    expect(ids('taxes', 0)).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('only returns records holding every query word, best tiers first', () => {
    fc.assert(
      fc.property(arbitrarySnapshot(), fc.array(fc.constantFrom('cafe', 'CAFÉ', 'tax', 'ete', 'a', 'x', 'bank call'), { minLength: 1, maxLength: 3 }), (snap, parts) => {
        const query = parts.join(' ');
        const results = search(snap, query, 100);
        for (const result of results) {
          const record = snap.records.get(result.id);
          const name = foldText(record?.name ?? '');
          const description = foldText(record?.description ?? '');
          for (const word of queryWords(query)) expect(name.includes(word) || description.includes(word)).toBe(true);
        }
        const matching = [...snap.records.values()].filter((r) => queryWords(query).every((w) => foldText(r.name).includes(w) || foldText(r.description ?? '').includes(w)));
        expect(results).toHaveLength(Math.min(100, matching.length));
      }),
    );
  });
});

describe('snippetAround', () => {
  it('shows the text around the first match, white space collapsed, cut with ellipses', () => {
    const text = `${'word '.repeat(20)}the\ncafé\n\non Main St${' and more'.repeat(20)}`;
    const snippet = snippetAround(text, ['cafe']) as string;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('the café on Main St');
    expect(snippetAround('Short café note', ['note', 'cafe'])).toBe('Short café note');
    expect(snippetAround('nothing here', ['cafe'])).toBeUndefined();
  });

  it('finds matches after characters whose folding changes length', () => {
    const text = `${'İ😀é '.repeat(30)}Ωmega target`;
    const snippet = snippetAround(text, [foldText('ΩMEGA')]) as string;
    expect(snippet).toMatch(/^….*Ωmega target$/);
    expect(Array.from(snippet.replace(/^…/, '').split('Ωmega')[0] as string)).toHaveLength(30);
  });
});
