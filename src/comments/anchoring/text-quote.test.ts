import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../record.ts';
import { editDistance } from './edit-distance.ts';
import { describeQuote, locateQuote } from './text-quote.ts';

const TEXT = 'A pack file holds objects. Each object in a pack file is compressed with zlib, and deltas point at a base.';

describe('describeQuote', () => {
  it('keeps the exact words with up to 32 characters of context either side', () => {
    const start = TEXT.indexOf('compressed');
    const quote = describeQuote(TEXT, start, start + 'compressed with zlib'.length);
    expect(quote).toEqual({ exact: 'compressed with zlib', prefix: '. Each object in a pack file is ', suffix: ', and deltas point at a base.' });
  });

  it('drops whitespace at the ends, and gives nothing for a blank span', () => {
    expect(describeQuote('one  two  three', 3, 10)?.exact).toBe('two');
    expect(describeQuote('one   two', 3, 6)).toBeUndefined();
  });

  it('stays inside the record limits for long spans', () => {
    const long = 'word '.repeat(400);
    const quote = describeQuote(long, 100, 1900);
    expect(quote?.exact.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(quote?.prefix.length).toBeLessThanOrEqual(MAX_QUOTE_CONTEXT_LENGTH);
    expect(quote?.suffix.length).toBeLessThanOrEqual(MAX_QUOTE_CONTEXT_LENGTH);
  });
});

describe('locateQuote', () => {
  const quoteOf = (exact: string, text = TEXT) => {
    const start = text.indexOf(exact);
    const quote = describeQuote(text, start, start + exact.length);
    if (!quote) throw new Error('no quote');
    return quote;
  };

  it('finds the exact words in unchanged text', () => {
    expect(locateQuote(TEXT, quoteOf('deltas point'))).toEqual({ start: TEXT.indexOf('deltas point'), end: TEXT.indexOf('deltas point') + 12 });
  });

  it('picks the occurrence whose context matches when the words repeat', () => {
    const second = TEXT.lastIndexOf('pack file');
    const quote = describeQuote(TEXT, second, second + 'pack file'.length);
    expect(quote && locateQuote(TEXT, quote)?.start).toBe(second);
  });

  it('still finds exact words after text is inserted before them', () => {
    const edited = `Background first. ${TEXT}`;
    const span = locateQuote(edited, quoteOf('compressed with zlib'));
    expect(span && edited.slice(span.start, span.end)).toBe('compressed with zlib');
  });

  it('finds the quote fuzzily, by its prefix and suffix, after a small edit inside it', () => {
    const edited = TEXT.replace('compressed with zlib', 'compressed using zlib');
    const span = locateQuote(edited, quoteOf('compressed with zlib'));
    expect(span && edited.slice(span.start, span.end)).toBe('compressed using zlib');
  });

  it('finds it by the suffix alone when the prefix was rewritten too', () => {
    const edited = TEXT.replace('Each object in a pack file is compressed with zlib', 'Every stored thing is compresed with zlib');
    const span = locateQuote(edited, quoteOf('compressed with zlib'));
    expect(span && edited.slice(span.start, span.end)).toBe('compresed with zlib');
  });

  it('gives up when the words are gone', () => {
    const edited = TEXT.replace('compressed with zlib', 'stored raw on disk');
    expect(locateQuote(edited, quoteOf('compressed with zlib'))).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('stops early above the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });
});
